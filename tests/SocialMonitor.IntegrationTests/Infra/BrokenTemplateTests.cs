namespace SocialMonitor.IntegrationTests.Infra;

/// <summary>Deliberately broken copies of infra/main.bicep: each check fails on the mistake it exists for.</summary>
public sealed class BrokenTemplateTests
{
    [Fact]
    public async Task Build_CopyWithMistypedProperty_FailsOnTheWarningThoughBicepExitsZero()
    {
        using var copy = TemplateCopy.Replacing("instanceMemoryMB: instanceMemoryMB", "instanceMemoryMb: instanceMemoryMB");

        var build = await copy.BuildAsync();

        Assert.Equal(0, build.ExitCode);
        Assert.Contains(build.Problems, p => p.Contains("Warning BCP089", StringComparison.Ordinal) && p.Contains("instanceMemoryMb", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lint_CopyWithUnusedParameter_FailsOnTheWarningThoughBicepExitsZero()
    {
        using var copy = TemplateCopy.Replacing("targetScope = 'resourceGroup'", "targetScope = 'resourceGroup'\n\n@description('Never used.')\nparam forgotten string = ''");

        var lint = await copy.LintAsync();

        Assert.Equal(0, lint.ExitCode);
        Assert.Contains(lint.Problems, p => p.Contains("Warning no-unused-params", StringComparison.Ordinal) && p.Contains("forgotten", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Build_CopyWithSyntaxError_Fails()
    {
        using var copy = TemplateCopy.Replacing("resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {", "resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {{");

        var build = await copy.BuildAsync();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains(build.Problems, p => p.Contains(": Error ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Storage_CopyWithSharedKeyAccess_NamesIt()
    {
        using var copy = TemplateCopy.Replacing("allowSharedKeyAccess: false", "allowSharedKeyAccess: true");

        var problems = StorageChecks.Check(await copy.CompileAsync()).ToList();

        Assert.Contains("Storage account: properties.allowSharedKeyAccess must be false; it is true.", problems);
    }

    [Fact]
    public async Task FunctionApp_CopyOnDotnet8_NamesTheRuntimeVersion()
    {
        using var copy = TemplateCopy.Replacing("version: '10.0'", "version: '8.0'");

        var problems = FunctionAppChecks.Check(await copy.CompileAsync()).ToList();

        Assert.Contains("Function app: properties.functionAppConfig.runtime.version must be 10.0; it is 8.0.", problems);
    }

    [Fact]
    public async Task RoleAssignments_CopyWithSecretsOfficerForTheIdentity_NamesTheRoleItDoesNotNeed()
    {
        // Key Vault Secrets Officer (b86a8fe4-...) could write and delete secrets; the app only reads its tokens.
        using var copy = TemplateCopy.Replacing(
            "roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')",
            "roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7')");

        var problems = AccessChecks.RoleAssignments(await copy.CompileAsync(), copy.Source).ToList();

        Assert.Contains(problems, p => p.StartsWith("The identity lacks the role Key Vault Secrets User", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("The identity has a role it does not need", StringComparison.Ordinal) && p.Contains("b86a8fe4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AppSettings_CopyWithoutTokensSource_NamesTheMissingSetting()
    {
        using var copy = TemplateCopy.Replacing("    Tokens__Source: 'KeyVault'\n", "");

        var problems = AppSettingChecks.Check(await copy.CompileAsync(), AppSettingNames.SettingsTypes).ToList();

        var problem = Assert.Single(problems);
        Assert.StartsWith("App setting Tokens__Source is missing from infra/main.bicep (TokenOptions.Source reads it)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppSettings_CopyWithWorkerRuntime_NamesItAsForbiddenOnFlex()
    {
        using var copy = TemplateCopy.Replacing("    Tokens__Source: 'KeyVault'\n", "    Tokens__Source: 'KeyVault'\n    FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'\n");

        var problems = AppSettingChecks.Check(await copy.CompileAsync(), AppSettingNames.SettingsTypes).ToList();

        var problem = Assert.Single(problems);
        Assert.StartsWith("App setting FUNCTIONS_WORKER_RUNTIME must not be in infra/main.bicep: Flex Consumption", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppSettings_CopyWithWrongMailMode_NamesTheValue()
    {
        using var copy = TemplateCopy.Replacing("Mail__Mode: 'Graph'", "Mail__Mode: 'Files'");

        var problems = AppSettingChecks.Check(await copy.CompileAsync(), AppSettingNames.SettingsTypes).ToList();

        Assert.Equal(["App setting Mail__Mode must be Graph in Azure; it is Files."], problems);
    }

    [Fact]
    public async Task Outputs_CopyWithConnectionStringOutput_NamesIt()
    {
        using var copy = TemplateCopy.Replacing("@description('The audience of API tokens.')",
            "output TELEMETRY string = appInsights.properties.ConnectionString\n\n@description('The audience of API tokens.')");

        var problems = AccessChecks.Outputs(await copy.CompileAsync()).ToList();

        Assert.Contains(problems, p => p.StartsWith("The output TELEMETRY may carry a secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Template_CopyWithStorageKey_NamesTheKey()
    {
        using var copy = TemplateCopy.Replacing("    AzureWebJobsStorage__credential: 'managedidentity'\n",
            "    AzureWebJobsStorage__credential: 'managedidentity'\n    Archive__Key: storage.listKeys().keys[0].value\n");

        var problems = AccessChecks.NoKeys(await copy.CompileAsync()).ToList();

        Assert.Contains(problems, p => p.Contains("'listKeys'", StringComparison.Ordinal));
    }
}
