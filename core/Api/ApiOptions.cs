using SocialMonitor.Core.Hosting;

namespace SocialMonitor.Core.Api;

public sealed class ApiOptions : ISettings
{
    public const string Section = "Api";

    public string AuthMode { get; set; } = "ApiKeys";
    public List<ApiKeyOptions> Keys { get; set; } = [];
    public string PublicUrl { get; set; } = "http://localhost:7071";

    public IEnumerable<string> Validate()
    {
        var errors = SettingRules.OneOf("Api__AuthMode", AuthMode, "ApiKeys", "AppServiceAuthentication")
            .Concat(SettingRules.AbsoluteUri("Api__PublicUrl", PublicUrl, "http", "https"));
        for (var i = 0; i < Keys.Count; i++)
        {
            if (Keys[i].Key.Length < 16 || Keys[i].Key.Any(c => char.IsWhiteSpace(c) || c is '<' or '>'))
            {
                errors = errors.Append($"Setting Api__Keys__{i}__Key must be a random key of at least 16 characters, without spaces (not the sample's placeholder).");
            }
            errors = errors.Concat(SettingRules.OneOf($"Api__Keys__{i}__Role", Keys[i].Role, Roles.Coordinator, Roles.Manager));
            if (string.Equals(Keys[i].Role, Roles.Manager, StringComparison.OrdinalIgnoreCase) && Keys[i].LocationIds.Count == 0)
            {
                errors = errors.Append($"Setting Api__Keys__{i}__Locations must name at least one location for a Manager key.");
            }
            var owner = Keys[i].Owner.Trim();
            if (owner.Length is 0 or > 254 || owner.Count(c => c == '@') != 1 || owner.StartsWith('@') || owner.EndsWith('@') || owner.Any(char.IsWhiteSpace))
            {
                errors = errors.Append($"Setting Api__Keys__{i}__Owner must be the email of the person the key belongs to (the audit log names them); it is '{Keys[i].Owner}'.");
            }
        }
        return errors;
    }
}
