using System.Globalization;
using SocialMonitor.Core.Hosting;

namespace SocialMonitor.Core.ContentSafety;

/// <summary>
/// The optional classifier, Azure AI Content Safety. <c>ContentSafety__Endpoint</c> unset or empty: off, and no request is
/// ever made. Set: the resource's custom-subdomain endpoint (<c>https://{name}.cognitiveservices.azure.com/</c>; Entra
/// authentication needs the custom subdomain), called with the app's identity. <c>ContentSafety__MinSeverity</c> (0, 2,
/// 4 or 6; default 4) is the lowest severity that becomes evidence on a finding; severity 0 (safe) never does, so 0 acts
/// as 2.
/// </summary>
public sealed class ContentSafetyOptions : ISettings
{
    public const string Section = "ContentSafety";

    public string? Endpoint { get; set; }

    public int MinSeverity { get; set; } = 4;

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);

    public IEnumerable<string> Validate()
    {
        if (Enabled)
        {
            if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            {
                yield return $"Setting ContentSafety__Endpoint must be an absolute https URL (http only for a fake on this machine), or empty to turn the classifier off; it is '{Endpoint}'.";
            }
            else if (uri.Query.Length > 0 || uri.AbsolutePath.Trim('/').Length > 0)
            {
                yield return $"Setting ContentSafety__Endpoint must be the resource's endpoint alone (https://<name>.cognitiveservices.azure.com/), without a path or query; it is '{Endpoint}'.";
            }
        }
        foreach (var problem in SettingRules.OneOf("ContentSafety__MinSeverity", MinSeverity.ToString(CultureInfo.InvariantCulture), "0", "2", "4", "6"))
        {
            yield return problem;
        }
    }
}
