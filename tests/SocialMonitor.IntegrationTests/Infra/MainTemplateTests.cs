using SocialMonitor.Core.Hosting;

namespace SocialMonitor.IntegrationTests.Infra;

/// <summary>infra/main.bicep compiles and lints clean with the pinned Bicep CLI, and the compiled template is what the issue asks.</summary>
public sealed class MainTemplateTests(MainTemplateFixture main) : IClassFixture<MainTemplateFixture>
{
    /// <summary>Settings of the settings table (README, Settings) that the options classes read.</summary>
    private static readonly string[] TableSettings =
    [
        "AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId", "ScanSchedule",
        "DigestSchedule", "Policy__Path", "Platforms__YouTube__Enabled", "Scan__MaxWaitSeconds", "Tokens__Source", "KeyVault__Uri",
        "Mail__From", "Graph__BaseUrl", "Api__AuthMode", "Api__Keys__<n>__Locations", "Api__PublicUrl", "ContentSafety__Endpoint",
        "ContentSafety__MinSeverity",
    ];

    [Fact]
    public void Build_MainTemplate_HasNoWarningOrError() => AssertNone(main.Build.Problems);

    [Fact]
    public void Lint_MainTemplate_HasNoWarningOrError() => AssertNone(main.Lint.Problems);

    [Fact]
    public void FunctionApp_MainTemplate_IsFlexConsumptionOnDotnetIsolated10() => AssertNone(FunctionAppChecks.Check(main.Template));

    [Fact]
    public void Storage_MainTemplate_TakesNoSharedKeyAndHoldsWhatTheAppUses() => AssertNone(StorageChecks.Check(main.Template));

    [Fact]
    public void RoleAssignments_MainTemplate_GiveTheIdentityExactlyItsRoles() =>
        AssertNone(AccessChecks.RoleAssignments(main.Template, main.Source));

    [Fact]
    public void Services_MainTemplate_AuthenticateWithEntraIdOnly() => AssertNone(AccessChecks.Services(main.Template));

    [Fact]
    public void Outputs_MainTemplate_GiveNameUrlAndPrincipalIdButNoSecret() => AssertNone(AccessChecks.Outputs(main.Template));

    [Fact]
    public void Template_MainTemplate_HoldsNoKeyOrConnectionString() => AssertNone(AccessChecks.NoKeys(main.Template));

    [Fact]
    public void Parameters_MainTemplate_EachHasADescription() => AssertNone(AccessChecks.Descriptions(main.Template));

    [Fact]
    public void AppSettings_MainTemplate_AreExactlyWhatTheCodeReadsInAzure() =>
        AssertNone(AppSettingChecks.Check(main.Template, AppSettingNames.SettingsTypes));

    [Fact]
    public void AppSettings_OptionsClassGainsASetting_NamesTheMissingAppSetting()
    {
        var problems = AppSettingChecks.Check(main.Template, [.. AppSettingNames.SettingsTypes, typeof(MailRetentionOptions)]).ToList();

        var problem = Assert.Single(problems);
        Assert.StartsWith("App setting Mail__ArchiveRetentionDays is missing from infra/main.bicep (MailRetentionOptions.ArchiveRetentionDays reads it)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_Derivation_CoversEverySettingOfTheTable()
    {
        var read = AppSettingNames.ReadBy(AppSettingNames.SettingsTypes);

        Assert.All(TableSettings, name => Assert.True(read.ContainsKey(name), $"{name} is not derived from the options classes."));
        Assert.All(AppSettingNames.NotInAzure.Keys, name => Assert.True(read.ContainsKey(name), $"NotInAzure lists {name}, which no options class reads any more."));
    }

    internal static void AssertNone(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        Assert.True(list.Count == 0, string.Join(Environment.NewLine, list));
    }

    /// <summary>An options class as a colleague might extend one: a new setting without its app setting in the template.</summary>
    private sealed class MailRetentionOptions : ISettings
    {
        public const string Section = "Mail";

        public int ArchiveRetentionDays { get; set; } = 365;

        public IEnumerable<string> Validate() => [];
    }
}
