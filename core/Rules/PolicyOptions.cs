using SocialMonitor.Core.Hosting;

namespace SocialMonitor.Core.Rules;

public sealed class PolicyOptions : ISettings
{
    public const string Section = "Policy";

    /// <summary>The policy file; relative paths resolve against the app's base directory. Or the blob URI of <c>config/policy/policy.json</c>.</summary>
    public string Path { get; set; } = "policy/policy.json";

    /// <summary>The blob URI when <see cref="Path"/> is one (https, or http for a local emulator on this machine), else null.</summary>
    public Uri? BlobUri => Uri.TryCreate(Path, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            yield return "Setting Policy__Path is required and is empty.";
            yield break;
        }
        if (Path.Contains("://", StringComparison.Ordinal) && BlobUri is null)
        {
            yield return $"Setting Policy__Path must be a file path or an https blob URI; it is '{Shown}'.";
        }
        else if (BlobUri is { } uri && uri.Scheme == "http" && !uri.IsLoopback)
        {
            yield return $"Setting Policy__Path must use https for a blob URI (http only for a local emulator); it is '{Shown}'.";
        }
        else if (BlobUri is { } blob && blob.AbsolutePath.Trim('/').Split('/').Length < 2)
        {
            yield return $"Setting Policy__Path must name a container and a blob (https://account.blob.core.windows.net/config/policy/policy.json); it is '{Shown}'.";
        }
    }

    /// <summary>The setting without a query string, which could hold a SAS token.</summary>
    private string Shown => Path.Split('?')[0];
}
