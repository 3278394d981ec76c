namespace SocialMonitor.IntegrationTests.Infra;

/// <summary>The function app: Flex Consumption (FC1), Linux, .NET 10 isolated, HTTPS only, TLS 1.2, no FTP, the identity.</summary>
internal static class FunctionAppChecks
{
    public static IEnumerable<string> Check(ArmTemplate template)
    {
        var plans = template.OfType("Microsoft.Web/serverfarms");
        var sites = template.OfType("Microsoft.Web/sites");
        var plan = plans is [var p, ..] ? p : null;
        var site = sites is [var s, ..] ? s : null;
        const string Site = "Function app";
        return [
            .. Expect.Single(plans, "Microsoft.Web/serverfarms"),
            .. Expect.Single(sites, "Microsoft.Web/sites"),
            .. Expect.Value(plan, "Plan", "sku.name", "FC1"),
            .. Expect.Value(plan, "Plan", "sku.tier", "FlexConsumption"),
            .. Expect.Value(plan, "Plan", "properties.reserved", "true"),
            .. Expect.Value(site, Site, "kind", "functionapp,linux"),
            .. Expect.Value(site, Site, "properties.functionAppConfig.runtime.name", "dotnet-isolated"),
            .. Expect.Value(site, Site, "properties.functionAppConfig.runtime.version", "10.0"),
            .. Expect.Value(site, Site, "properties.functionAppConfig.scaleAndConcurrency.instanceMemoryMB", "[parameters('instanceMemoryMB')]"),
            .. Expect.Value(site, Site, "properties.functionAppConfig.scaleAndConcurrency.maximumInstanceCount", "[parameters('maximumInstanceCount')]"),
            .. Expect.Value(site, Site, "properties.functionAppConfig.deployment.storage.type", "blobContainer"),
            .. Expect.Value(site, Site, "properties.functionAppConfig.deployment.storage.authentication.type", "UserAssignedIdentity"),
            .. Expect.Value(site, Site, "properties.httpsOnly", "true"),
            .. Expect.Value(site, Site, "properties.siteConfig.minTlsVersion", "1.2"),
            .. Expect.Value(site, Site, "properties.siteConfig.ftpsState", "Disabled"),
            .. Expect.Value(site, Site, "identity.type", "UserAssigned"),
            .. Expect.Value(template.Child("Microsoft.Web/sites/basicPublishingCredentialsPolicies", "ftp"), "FTP publishing credentials", "properties.allow", "false"),
            .. Expect.Value(template.Child("Microsoft.Web/sites/basicPublishingCredentialsPolicies", "scm"), "Deployment basic auth", "properties.allow", "false"),
        ];
    }
}
