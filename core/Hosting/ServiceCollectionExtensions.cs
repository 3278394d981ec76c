using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Api;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Archive;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.ContentSafety;
using SocialMonitor.Core.Evaluation;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Platforms.Facebook;
using SocialMonitor.Core.Platforms.Instagram;
using SocialMonitor.Core.Platforms.LinkedIn;
using SocialMonitor.Core.Platforms.X;
using SocialMonitor.Core.Platforms.YouTube;
using SocialMonitor.Core.Records;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.LinkDomain;
using SocialMonitor.Core.Review;
using SocialMonitor.Core.Scanning;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Hosting;

public static class ServiceCollectionExtensions
{
    /// <summary>The scanner's profile image step: the guarded fetch (its own HttpClient, public addresses only unless Images__AllowLoopback) and the hashing.</summary>
    public static IServiceCollection AddProfileImages(this IServiceCollection services)
    {
        services.TryAddSingleton<Images.ImageFetcher>();
        services.TryAddSingleton<Images.ProfileImages>();
        services.AddHttpClient(Images.ImageFetcher.HttpClientName, client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan; // the fetcher's own Images__TimeoutSeconds covers every hop
                client.DefaultRequestHeaders.UserAgent.ParseAdd("SocialMonitor-Images/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(provider => Evaluation.LinkResolver.CreateHandler(
                Images.ImageFetcher.Addresses(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Images.ImageOptions>>().Value.AllowLoopback)))
            .RemoveAllLoggers();
        return services;
    }

    /// <summary>Every registration of the app, shared by the Functions host, the CLI and the tests.</summary>
    public static IServiceCollection AddSocialMonitor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<ScheduleOptions>(configuration, "");
        services.AddSettings<StorageOptions>(configuration, StorageOptions.Setting);
        services.PostConfigure<StorageOptions>(o => o.ConnectionString = configuration[StorageOptions.Setting] ?? o.ConnectionString);
        services.AddSettings<PolicyOptions>(configuration, PolicyOptions.Section);
        services.AddSettings<PlatformsOptions>(configuration, PlatformsOptions.Section);
        services.AddSettings<YouTubeOptions>(configuration, YouTubeOptions.Section);
        services.AddSettings<ScanOptions>(configuration, ScanOptions.Section);
        services.AddSettings<ReviewOptions>(configuration, ReviewOptions.Section);
        services.AddSettings<Images.ImageOptions>(configuration, Images.ImageOptions.Section);
        services.AddSettings<TokenOptions>(configuration, TokenOptions.Section);
        services.PostConfigure<TokenOptions>(o =>
        {
            foreach (var token in configuration.GetSection(TokenOptions.Section).GetChildren())
            {
                if (!string.Equals(token.Key, nameof(TokenOptions.Source), StringComparison.OrdinalIgnoreCase) && token.Value is not null)
                {
                    o.Values[token.Key] = token.Value;
                }
            }
        });
        services.AddSettings<KeyVaultOptions>(configuration, KeyVaultOptions.Section);
        services.AddSettings<MailOptions>(configuration, MailOptions.Section);
        services.AddSettings<GraphOptions>(configuration, GraphOptions.Section);
        services.AddSettings<ApiOptions>(configuration, ApiOptions.Section);
        services.AddSettings<RetentionOptions>(configuration, RetentionOptions.Section);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.TryAddSingleton<StorageClients>();
        services.AddTokenSource();
        services.TryAddSingleton<PolicySource>();
        services.TryAddSingleton(provider => provider.GetRequiredService<PolicySource>().Load());
        services.AddHostedService<PolicyStartupCheck>();
        services.AddStarterRules();
        services.AddProfileImages();
        services.AddLinkDomain(configuration);
        services.AddContentSafety(configuration);
        services.AddFacebook();
        services.AddYouTube();
        services.AddInstagram();
        services.AddX();
        services.AddLinkedIn();

        services.TryAddSingleton<AccountRegistry>();
        services.TryAddSingleton<FindingTrendIndex>();
        services.TryAddSingleton<FindingStore>();
        services.TryAddSingleton<FindingRecorder>();
        services.TryAddSingleton<FindingLifecycle>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<ApprovalStore>();
        services.TryAddSingleton<ApprovalCache>();
        services.TryAddSingleton<ApprovalService>();
        services.TryAddSingleton<QueueSender>();
        services.TryAddSingleton<FailedAttemptStore>();
        services.TryAddSingleton<CursorStore>();
        services.TryAddSingleton<ItemIndex>();
        services.TryAddSingleton<ScanScheduler>();
        services.TryAddSingleton<AccountReview>();
        services.TryAddSingleton<AccountScanner>();
        services.TryAddSingleton<AccountCapture>();
        services.TryAddSingleton<BudgetStore>();
        services.TryAddSingleton<ItemHistory>();
        services.TryAddSingleton<ItemReevaluation>();
        services.TryAddSingleton<ItemRecorder>();
        services.TryAddSingleton<CaptureConditions>();
        services.TryAddSingleton<ResponseArchive>();
        services.TryAddSingleton<TokenChecker>();
        services.TryAddSingleton<DryRunScanner>();
        services.TryAddSingleton<ItemEvaluator>();
        services.AddMail();
        services.TryAddSingleton<DeadMessageHandler>();
        services.TryAddSingleton<QueueAttempts>();
        services.TryAddSingleton<QueueDrainer>();
        services.TryAddSingleton<AccountsImporter>();
        services.TryAddSingleton<ApiAuthenticator>();
        services.TryAddSingleton<FindingsApi>();
        services.TryAddSingleton<TrendsApi>();
        services.TryAddSingleton<ItemsApi>();
        services.TryAddSingleton<SessionApi>();
        services.TryAddSingleton<Web.PageSessions>();
        services.TryAddSingleton<Web.WebPages>();
        services.TryAddSingleton<FindingItems>();
        services.TryAddSingleton<ApiRunner>();
        services.TryAddSingleton<VisibleLocations>();
        services.TryAddSingleton<AuditApi>();
        services.TryAddSingleton<AccountsApi>();
        services.TryAddSingleton<AccountHealthReader>();
        services.TryAddSingleton<HealthReport>();
        services.TryAddSingleton<HealthApi>();
        services.TryAddSingleton<ApprovalsApi>();
        services.TryAddSingleton<HoldsApi>();
        services.TryAddSingleton<LegalHoldStore>();
        services.TryAddSingleton<LegalHoldService>();
        services.TryAddSingleton<RetentionJob>();
        services.TryAddSingleton<OpenApiDocument>();
        services.TryAddSingleton<RecordsExporter>();
        services.TryAddSingleton<RecordsApi>();
        return services;
    }

    /// <summary>A relative policy path resolves against the app's base directory, where every app copies <c>policy/</c>.</summary>
    public static string PolicyPath(string path) => Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
}
