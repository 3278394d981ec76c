using System.Text.RegularExpressions;

namespace SocialMonitor.IntegrationTests.Infra;

/// <summary>
/// Who may do what: the identity's five roles (six with Content Safety) and no more, Key Vault in RBAC mode with purge protection, telemetry by
/// identity, App Service Authentication in front of the API, and no key or secret anywhere in the template or its outputs.
/// </summary>
internal static partial class AccessChecks
{
    private const string IdentityType = "Microsoft.ManagedIdentity/userAssignedIdentities";

    /// <summary>The identity's roles: name, role definition id, and the type of the resource it is granted on.</summary>
    public static readonly IReadOnlyList<(string Name, string Id, string Scope)> IdentityRoles =
    [
        ("Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts"),
        ("Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Microsoft.Storage/storageAccounts"),
        ("Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts"),
        ("Key Vault Secrets User", "4633458b-17de-408a-b874-0445c86b69e6", "Microsoft.KeyVault/vaults"),
        ("Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components"),
        ("Cognitive Services User", "a97b65f3-24c7-4388-baec-2e87135dc908", "Microsoft.CognitiveServices/accounts"), // Only with contentSafety.
    ];

    [GeneratedRegex(@"(?i)listKeys|listAccountSas|listServiceSas|listSecrets|AccountKey=|SharedAccessSignature|DefaultEndpointsProtocol")]
    private static partial Regex KeyMaterial();

    [GeneratedRegex(@"(?i)password|secret|connectionstring|accountkey|instrumentationkey|\bsas\b|_SAS$")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(?i)\.ConnectionString|InstrumentationKey|primaryKey|secondaryKey|\.value\b")]
    private static partial Regex SecretValue();

    public static IEnumerable<string> RoleAssignments(ArmTemplate template, string bicepSource)
    {
        var granted = template.OfType("Microsoft.Authorization/roleAssignments")
            .Where(r => ArmTemplate.At(r, "properties.principalId")?.Contains(IdentityType, StringComparison.Ordinal) == true)
            .ToList();
        foreach (var (name, id, scope) in IdentityRoles)
        {
            var assignment = granted.FirstOrDefault(r => ArmTemplate.At(r, "properties.roleDefinitionId")?.Contains(id, StringComparison.OrdinalIgnoreCase) == true);
            if (assignment is null)
            {
                yield return $"The identity lacks the role {name} ({id}) on its {scope}.";
                continue;
            }
            if (ArmTemplate.At(assignment, "scope")?.Contains(scope, StringComparison.OrdinalIgnoreCase) != true)
            {
                yield return $"The identity's role {name} must be granted on the {scope}; its scope is {ArmTemplate.At(assignment, "scope") ?? "the resource group"}.";
            }
            foreach (var problem in Expect.Value(assignment, $"Role assignment {name}", "properties.principalType", "ServicePrincipal"))
            {
                yield return problem;
            }
            if (!bicepSource.Contains($"// {name}", StringComparison.Ordinal))
            {
                yield return $"The role assignment {name} ({id}) needs a comment naming the role (\"// {name}: ...\") in infra/main.bicep.";
            }
        }
        foreach (var extra in granted.Where(r => !IdentityRoles.Any(role => ArmTemplate.At(r, "properties.roleDefinitionId")?.Contains(role.Id, StringComparison.OrdinalIgnoreCase) == true)))
        {
            yield return $"The identity has a role it does not need (least privilege): {ArmTemplate.At(extra, "properties.roleDefinitionId")}.";
        }
    }

    public static IEnumerable<string> Services(ArmTemplate template)
    {
        var vault = template.First("Microsoft.KeyVault/vaults");
        var insights = template.First("Microsoft.Insights/components");
        var workspace = template.First("Microsoft.OperationalInsights/workspaces");
        var auth = template.Child("Microsoft.Web/sites/config", "authsettingsV2");
        const string Auth = "App Service Authentication";
        return [
            .. Expect.Value(vault, "Key Vault", "properties.enableRbacAuthorization", "true"),
            .. Expect.Value(vault, "Key Vault", "properties.enablePurgeProtection", "true"),
            .. Expect.Value(insights, "Application Insights", "properties.DisableLocalAuth", "true"),
            .. Expect.Value(workspace, "Log Analytics", "properties.features.disableLocalAuth", "true"),
            .. insights is not null && ArmTemplate.At(insights, "properties.WorkspaceResourceId") is null
                ? ["Application Insights must keep its data in the Log Analytics workspace (properties.WorkspaceResourceId)."] : Array.Empty<string>(),
            .. Expect.Value(auth, Auth, "properties.platform.enabled", "true"),
            .. Expect.Value(auth, Auth, "properties.globalValidation.requireAuthentication", "true"),
            // Browsers to the sign-in page; /api/* excluded from that redirect, so the app answers an API call without a session with 401.
            .. Expect.Value(auth, Auth, "properties.globalValidation.unauthenticatedClientAction", "RedirectToLoginPage"),
            .. Expect.Value(auth, Auth, "properties.globalValidation.redirectToProvider", "azureactivedirectory"),
            .. Expect.Value(auth, Auth, "properties.globalValidation.excludedPaths", "[\"/api/*\"]"),
            .. Expect.Value(auth, Auth, "properties.identityProviders.azureActiveDirectory.enabled", "true"),
            .. Expect.Value(auth, Auth, "properties.identityProviders.azureActiveDirectory.registration.clientId", "[parameters('authClientId')]"),
        ];
    }

    public static IEnumerable<string> Outputs(ArmTemplate template)
    {
        foreach (var (name, output) in template.Outputs)
        {
            var type = ArmTemplate.At(output, "type") ?? "";
            var value = ArmTemplate.At(output, "value") ?? "";
            if (type.StartsWith("secure", StringComparison.OrdinalIgnoreCase) || SecretName().IsMatch(name)
                || SecretValue().IsMatch(value) || KeyMaterial().IsMatch(value))
            {
                yield return $"The output {name} may carry a secret ({type}: {value}); outputs are stored in the deployment history and the azd environment.";
            }
        }
        var values = template.Outputs.Select(o => ArmTemplate.At(o.Value, "value") ?? "").ToList();
        var siteName = template.OfType("Microsoft.Web/sites").Select(s => ArmTemplate.At(s, "name")).FirstOrDefault();
        if (siteName is null || !values.Contains(siteName, StringComparer.Ordinal))
        {
            yield return "An output must give the function app's name.";
        }
        if (!values.Any(v => v.Contains("defaultHostName", StringComparison.Ordinal)))
        {
            yield return "An output must give the function app's URL.";
        }
        if (!values.Any(v => v.Contains(IdentityType, StringComparison.Ordinal) && v.EndsWith(".principalId]", StringComparison.Ordinal)))
        {
            yield return "An output must give the identity's principal id.";
        }
    }

    public static IEnumerable<string> NoKeys(ArmTemplate template) =>
        KeyMaterial().Matches(template.Json).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(m => $"The template uses '{m}': no key, SAS or connection string with a key anywhere; every connection uses the identity.");

    /// <summary>Every parameter says what it is for.</summary>
    public static IEnumerable<string> Descriptions(ArmTemplate template) =>
        template.Parameters.Where(p => string.IsNullOrWhiteSpace(ArmTemplate.At(p.Value, "metadata.description")))
            .Select(p => $"The parameter {p.Key} has no @description.");
}
