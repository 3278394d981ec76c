namespace SocialMonitor.IntegrationTests.Infra;

/// <summary>
/// The function app's settings are exactly what the code reads in Azure (<see cref="AppSettingNames"/>): none missing,
/// none extra, none forbidden, and the fixed values of the settings table's "in Azure" column.
/// </summary>
internal static class AppSettingChecks
{
    public static IEnumerable<string> Check(ArmTemplate template, IEnumerable<Type> settingsTypes)
    {
        var resource = template.Child("Microsoft.Web/sites/config", "appsettings");
        if (resource?["properties"] is not System.Text.Json.Nodes.JsonObject properties)
        {
            yield return "infra/main.bicep sets no app settings: it needs a Microsoft.Web/sites/config resource named appsettings.";
            yield break;
        }
        // App settings are environment variables, and configuration keys are case-insensitive (__accountName binds AccountName).
        var settings = properties.ToDictionary(p => p.Key, p => ArmTemplate.Text(p.Value), StringComparer.OrdinalIgnoreCase);
        var expected = AppSettingNames.Expected(settingsTypes);
        var read = AppSettingNames.ReadBy(settingsTypes);
        foreach (var (name, reader) in expected.Where(e => !settings.ContainsKey(e.Key)))
        {
            yield return $"App setting {name} is missing from infra/main.bicep ({reader} reads it): add it to the appsettings resource, "
                + "or, if Azure must not set it, add it to AppSettingNames.NotInAzure with the reason.";
        }
        foreach (var (name, _) in settings)
        {
            if (AppSettingNames.Forbidden.TryGetValue(name, out var why))
            {
                yield return $"App setting {name} must not be in infra/main.bicep: {why}.";
            }
            else if (read.ContainsKey(name) && AppSettingNames.NotInAzure.TryGetValue(name, out var notInAzure))
            {
                yield return $"App setting {name} must not be set in Azure: {notInAzure}.";
            }
            else if (!expected.ContainsKey(name))
            {
                yield return $"App setting {name} in infra/main.bicep is read by no options class and is no host setting: remove it, "
                    + "or add it to AppSettingNames.HostOnly with the reason.";
            }
        }
        foreach (var (name, value) in AppSettingNames.FixedValues)
        {
            if (settings.TryGetValue(name, out var actual) && !string.Equals(actual, value, StringComparison.Ordinal))
            {
                yield return $"App setting {name} must be {value} in Azure; it is {actual}.";
            }
        }
    }
}
