using System.Reflection;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.IntegrationTests.Infra;

/// <summary>Storage: no shared keys, versioned with soft delete, and every table, queue and container the app uses.</summary>
internal static class StorageChecks
{
    public const string DeploymentContainer = "app-package";
    public const string ArchiveContainer = "archive";
    public const string ConfigContainer = "config";

    public static IEnumerable<string> Check(ArmTemplate template)
    {
        var accounts = template.OfType("Microsoft.Storage/storageAccounts");
        var account = accounts is [var a, ..] ? a : null;
        var blobs = template.First("Microsoft.Storage/storageAccounts/blobServices");
        const string Account = "Storage account";
        return [
            .. Expect.Single(accounts, "Microsoft.Storage/storageAccounts"),
            .. Expect.Value(account, Account, "properties.allowSharedKeyAccess", "false"),
            .. Expect.Value(account, Account, "properties.allowBlobPublicAccess", "false"),
            .. Expect.Value(account, Account, "properties.minimumTlsVersion", "TLS1_2"),
            .. Expect.Value(account, Account, "properties.supportsHttpsTrafficOnly", "true"),
            .. Expect.Value(blobs, "Blob service", "properties.isVersioningEnabled", "true"),
            .. Expect.Value(blobs, "Blob service", "properties.deleteRetentionPolicy.enabled", "true"),
            .. Expect.Value(blobs, "Blob service", "properties.containerDeleteRetentionPolicy.enabled", "true"),
            .. Expect.Value(template.Child("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies", "default"),
                "Archive immutability policy", "properties.immutabilityPeriodSinceCreationInDays", "[parameters('archiveImmutabilityDays')]"),
            .. Missing(template, "Microsoft.Storage/storageAccounts/blobServices/containers", "container",
                [DeploymentContainer, ArchiveContainer, ConfigContainer, .. Constants(typeof(ContainerNames))]),
            .. Missing(template, "Microsoft.Storage/storageAccounts/tableServices/tables", "table", Constants(typeof(TableNames))),
            .. Missing(template, "Microsoft.Storage/storageAccounts/queueServices/queues", "queue",
                [.. Constants(typeof(QueueNames)).Where(q => !q.StartsWith('-'))]),
        ];
    }

    /// <summary>The string constants of a names class (the names the app uses).</summary>
    public static IReadOnlyList<string> Constants(Type names) =>
        [.. names.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)];

    private static IEnumerable<string> Missing(ArmTemplate template, string type, string kind, IReadOnlyList<string> names)
    {
        var declared = template.OfType(type).SelectMany(template.ChildNames).ToHashSet(StringComparer.Ordinal);
        return names.Where(n => !declared.Contains(n))
            .Select(n => $"The app uses the {kind} '{n}', which infra/main.bicep does not create: add it to the template's {kind} names.");
    }
}
