using SocialMonitor.Core.Hosting;

namespace SocialMonitor.Core.Storage;

/// <summary>
/// <c>AzureWebJobsStorage</c>: a connection string locally (<c>UseDevelopmentStorage=true</c>), or in Azure the
/// identity form <c>AzureWebJobsStorage__accountName</c>, <c>__credential=managedidentity</c>, <c>__clientId</c>.
/// </summary>
public sealed class StorageOptions : ISettings
{
    public const string Setting = "AzureWebJobsStorage";
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public string? ConnectionString { get; set; } = DevelopmentStorage;
    public string? AccountName { get; set; }
    public string? Credential { get; set; }
    public string? ClientId { get; set; }

    public bool UsesDevelopmentStorage =>
        AccountName is null && string.Equals(ConnectionString?.Trim().TrimEnd(';'), DevelopmentStorage, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> Validate()
    {
        if (AccountName is not null)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(AccountName, "^[a-z0-9]{3,24}$"))
            {
                yield return $"Setting {Setting}__accountName must be a storage account name (3 to 24 lowercase letters and digits); it is '{AccountName}'.";
            }
            if (Credential is not null && !string.Equals(Credential, "managedidentity", StringComparison.OrdinalIgnoreCase))
            {
                yield return $"Setting {Setting}__credential must be 'managedidentity' when set; it is '{Credential}'.";
            }
            yield break;
        }
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return $"Setting {Setting} is empty: give a connection string (UseDevelopmentStorage=true locally) or {Setting}__accountName.";
        }
        else if (!UsesDevelopmentStorage && !ConnectionString.Contains("Endpoint", StringComparison.OrdinalIgnoreCase)
            && !ConnectionString.Contains("AccountName=", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"Setting {Setting} is not a storage connection string (it names no account or endpoint).";
        }
    }
}
