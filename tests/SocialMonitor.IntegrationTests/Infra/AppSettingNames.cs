using System.Collections;
using System.Reflection;
using SocialMonitor.Core.Hosting;

namespace SocialMonitor.IntegrationTests.Infra;

/// <summary>
/// The app settings infra/main.bicep must set: every setting an options class (an <see cref="ISettings"/>) reads, less the
/// ones the "in Azure" column of the settings table leaves out, plus the settings only the host and the SDKs read.
/// A property added to an options class is a setting the template must set, or list in <see cref="NotInAzure"/> with why.
/// </summary>
internal static class AppSettingNames
{
    /// <summary>Settings an options class reads that Azure does not set (a "–" or "Enabled only" in the table), each with why.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotInAzure = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["AzureWebJobsStorage__ConnectionString"] = "the connection string is the local form (the value of AzureWebJobsStorage itself); Azure uses the identity form",
        ["Platforms__Facebook__BaseUrl"] = "the code's default is the platform's real API",
        ["Platforms__Facebook__ApiVersion"] = "the code pins the API version it was written against",
        ["Platforms__Instagram__BaseUrl"] = "the code's default is the platform's real API",
        ["Platforms__Instagram__ApiVersion"] = "the code pins the API version it was written against",
        ["Platforms__X__BaseUrl"] = "the code's default is the platform's real API",
        ["Platforms__X__ApiVersion"] = "the code pins the API version it was written against",
        ["Platforms__YouTube__BaseUrl"] = "the code's default is the platform's real API",
        ["Platforms__YouTube__ApiVersion"] = "the code pins the API version it was written against",
        ["Platforms__YouTube__DailyQuota"] = "the code's default is Google's default quota (10,000 units); set it only when Google grants more",
        ["Platforms__LinkedIn__BaseUrl"] = "the code's default is the platform's real API",
        ["Platforms__LinkedIn__ApiVersion"] = "the code pins the API version it was written against",
        ["Platforms__Facebook__MonthlyReadBudget"] = "set by hand to the platform plan's monthly cap once the plan is chosen; unset is no budget (only X bills per month today)",
        ["Platforms__Instagram__MonthlyReadBudget"] = "set by hand to the platform plan's monthly cap once the plan is chosen; unset is no budget (only X bills per month today)",
        ["Platforms__X__MonthlyReadBudget"] = "set by hand to the platform plan's monthly cap once the plan is chosen; unset is no budget (only X bills per month today)",
        ["Platforms__YouTube__MonthlyReadBudget"] = "set by hand to the platform plan's monthly cap once the plan is chosen; unset is no budget (only X bills per month today)",
        ["Platforms__LinkedIn__MonthlyReadBudget"] = "set by hand to the platform plan's monthly cap once the plan is chosen; unset is no budget (only X bills per month today)",
        ["Platforms__Facebook__ClientId"] = "unused: this platform's client reads with its token and has no refresh-token flow",
        ["Platforms__Facebook__ClientSecretName"] = "unused: this platform's client reads with its token and has no refresh-token flow",
        ["Platforms__Facebook__OAuthBaseUrl"] = "unused: this platform's client reads with its token and has no refresh-token flow",
        ["Platforms__Instagram__ClientId"] = "unused: this platform's client reads with its token and has no refresh-token flow",
        ["Platforms__Instagram__ClientSecretName"] = "unused: this platform's client reads with its token and has no refresh-token flow",
        ["Platforms__Instagram__OAuthBaseUrl"] = "unused: this platform's client reads with its token and has no refresh-token flow",
        ["Platforms__X__ClientId"] = "unused: this platform's client reads with its token and has no refresh-token flow",
        ["Platforms__X__ClientSecretName"] = "unused: this platform's client reads with its token and has no refresh-token flow",
        ["Platforms__X__OAuthBaseUrl"] = "unused: this platform's client reads with its token and has no refresh-token flow",
        ["Platforms__YouTube__ClientId"] = "optional: set by hand when the OAuth refresh flow is used (README, Getting access (YouTube))",
        ["Platforms__YouTube__ClientSecretName"] = "optional: set by hand with Platforms__YouTube__ClientId (a Key Vault secret name)",
        ["Platforms__YouTube__OAuthBaseUrl"] = "the code's default is the platform's real token endpoint",
        ["Platforms__LinkedIn__ClientId"] = "optional: set by hand when the OAuth refresh flow is used (README, Getting access (LinkedIn))",
        ["Platforms__LinkedIn__ClientSecretName"] = "optional: set by hand with Platforms__LinkedIn__ClientId (a Key Vault secret name)",
        ["Platforms__LinkedIn__OAuthBaseUrl"] = "the code's default is the platform's real token endpoint",
        ["Mail__Directory"] = "only Mail__Mode=Files writes files; Azure sends through Graph",
        ["Images__TimeoutSeconds"] = "the default (10 s) serves; set it only to change it",
        ["Images__AllowLoopback"] = "the demo and the tests only (their loopback fakes); production never sets it",
        ["Links__Shorteners"] = "optional: the policy's shorteners list is the one to keep up to date (config/policy/policy.json)",
        ["Links__PublicSuffixList"] = "optional: the embedded Public Suffix List serves until a newer file is uploaded beside the app",
        ["Api__Keys__<n>__Key"] = "API keys are for Api__AuthMode=ApiKeys; Azure uses App Service Authentication",
        ["Api__Keys__<n>__Role"] = "API keys are for Api__AuthMode=ApiKeys; Azure uses App Service Authentication",
        ["Api__Keys__<n>__Locations"] = "API keys are for Api__AuthMode=ApiKeys; Azure uses App Service Authentication",
        ["Api__Keys__<n>__Name"] = "API keys are for Api__AuthMode=ApiKeys; Azure uses App Service Authentication",
        ["Api__Keys__<n>__Owner"] = "API keys are for Api__AuthMode=ApiKeys; Azure uses App Service Authentication",
    };

    /// <summary>Settings no options class reads, which the Functions host, the platform or an SDK reads, each with why.</summary>
    public static readonly IReadOnlyDictionary<string, string> HostOnly = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["AZURE_CLIENT_ID"] = "which managed identity DefaultAzureCredential uses",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "where the host and the worker send telemetry",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "telemetry is sent with the identity (local auth is off)",
        ["WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED"] = "works around a .NET 10 crash on Flex Consumption",
    };

    /// <summary>Settings the template must never set, each with why.</summary>
    public static readonly IReadOnlyDictionary<string, string> Forbidden = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["FUNCTIONS_WORKER_RUNTIME"] = "Flex Consumption takes the runtime from functionAppConfig and rejects this setting",
        ["FUNCTIONS_EXTENSION_VERSION"] = "Flex Consumption rejects this setting",
        ["AzureWebJobsStorage"] = "a connection string carries the account key; the identity form (__accountName) replaces it",
        ["AzureWebJobsDashboard"] = "a retired setting that takes a connection string",
        ["WEBSITE_CONTENTAZUREFILECONNECTIONSTRING"] = "Flex Consumption has no content share, and the setting carries a key",
        ["WEBSITE_CONTENTSHARE"] = "Flex Consumption has no content share",
        ["WEBSITE_RUN_FROM_PACKAGE"] = "Flex Consumption deploys from its deployment container",
    };

    /// <summary>The value Azure must have where the table's "in Azure" column names one.</summary>
    public static readonly IReadOnlyDictionary<string, string> FixedValues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["AzureWebJobsStorage__credential"] = "managedidentity",
        ["Tokens__Source"] = "KeyVault",
        ["Mail__Mode"] = "Graph",
        ["Api__AuthMode"] = "AppServiceAuthentication",
        ["WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED"] = "0",
    };

    /// <summary>The options classes of the app: every <see cref="ISettings"/> in core and functions.</summary>
    public static IReadOnlyList<Type> SettingsTypes =>
        [.. new[] { typeof(ISettings).Assembly, typeof(global::SocialMonitor.Functions.ScanTimer).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISettings).IsAssignableFrom(t))];

    /// <summary>Each setting the options classes read (name → the property that reads it), <c>&lt;n&gt;</c> standing for a list index or dictionary key.</summary>
    public static IReadOnlyDictionary<string, string> ReadBy(IEnumerable<Type> settingsTypes)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in settingsTypes)
        {
            foreach (var (name, property) in Leaves(type, Section(type)))
            {
                settings[name] = $"{type.Name}.{property}";
            }
        }
        return settings;
    }

    /// <summary>The app settings the template must set: what the options read in Azure, and the host's own.</summary>
    public static IReadOnlyDictionary<string, string> Expected(IEnumerable<Type> settingsTypes) =>
        ReadBy(settingsTypes).Where(s => !NotInAzure.ContainsKey(s.Key))
            .Concat(HostOnly.Select(h => KeyValuePair.Create(h.Key, $"the host ({h.Value})")))
            .ToDictionary(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>The section an options class binds: its <c>Section</c> constant, its <c>Setting</c> constant, or the root.</summary>
    private static string Section(Type type) =>
        (type.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
        ?? type.GetField("Setting", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
        ?? "").Replace(":", "__", StringComparison.Ordinal);

    /// <summary>
    /// The settings under <paramref name="prefix"/> that the configuration binder fills: each public settable property, nested
    /// options classes and list items recursively. Read-only properties are computed (or, like <c>Tokens__&lt;name&gt;</c>,
    /// filled in AddSocialMonitor from names nobody can list in advance).
    /// </summary>
    private static IEnumerable<(string Name, string Property)> Leaves(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
            {
                continue;
            }
            var name = prefix.Length == 0 ? property.Name : $"{prefix}__{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsValue(propertyType))
            {
                yield return (name, property.Name);
                continue;
            }
            var item = propertyType.IsArray ? propertyType.GetElementType()
                : typeof(IEnumerable).IsAssignableFrom(propertyType) && propertyType.IsGenericType ? propertyType.GetGenericArguments()[^1]
                : null;
            var (nested, nestedPrefix) = item is null ? (propertyType, name) : (item, $"{name}__<n>");
            if (IsValue(nested))
            {
                yield return (nestedPrefix, property.Name);
                continue;
            }
            foreach (var leaf in Leaves(nested, nestedPrefix))
            {
                yield return (leaf.Name, $"{property.Name}.{leaf.Property}");
            }
        }
    }

    private static bool IsValue(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Uri) || type == typeof(Guid);
}
