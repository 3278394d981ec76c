using SocialMonitor.Local;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using SocialMonitor.Core.Api;

namespace SocialMonitor.Cli.Demo;

/// <summary>
/// The settings <c>demo --serve</c> serves the API with: the demo's own (its Azurite, its outbox), the API settings
/// configured as <c>serve</c> reads them (environment, <c>local.settings.json</c>), and after the configured keys the
/// demo's coordinator key and a manager key for <see cref="ManagerLocation"/>, so location scoping can be tried at once.
/// </summary>
internal static class DemoApiSettings
{
    /// <summary>The sample location the demo's manager key sees.</summary>
    public const string ManagerLocation = "hayden";

    /// <summary>The owners the audit log names for the demo's keys: the sample coordinator and a sample manager of <see cref="ManagerLocation"/>.</summary>
    private const string CoordinatorEmail = "coordinator@example.org";
    private const string ManagerEmail = "alex.rivera@example.org";

    public static IConfiguration Build(IConfiguration demo, IConfiguration configured, string coordinatorKey, string managerKey)
    {
        var api = configured.GetSection(ApiOptions.Section);
        var next = api.GetSection("Keys").GetChildren()
            .Select(key => int.TryParse(key.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index + 1 : 0)
            .DefaultIfEmpty(0).Max();
        var own = new Dictionary<string, string?>
        {
            [$"Api:Keys:{next}:Key"] = coordinatorKey,
            [$"Api:Keys:{next}:Role"] = Roles.Coordinator,
            [$"Api:Keys:{next}:Name"] = "demo --serve (coordinator)",
            [$"Api:Keys:{next}:Owner"] = CoordinatorEmail,
            [$"Api:Keys:{next + 1}:Key"] = managerKey,
            [$"Api:Keys:{next + 1}:Role"] = Roles.Manager,
            [$"Api:Keys:{next + 1}:Locations"] = ManagerLocation,
            [$"Api:Keys:{next + 1}:Name"] = $"demo --serve (manager of {ManagerLocation})",
            [$"Api:Keys:{next + 1}:Owner"] = ManagerEmail,
        };
        return new ConfigurationBuilder()
            .AddConfiguration(demo)
            .AddInMemoryCollection(api.AsEnumerable().Where(setting => setting.Value is not null))
            .AddInMemoryCollection(own)
            .Build();
    }
}
