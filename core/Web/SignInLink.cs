namespace SocialMonitor.Core.Web;

/// <summary>A one-time sign-in link made for one configured key: what <c>serve</c> prints, and the key's name to print it with.</summary>
public sealed record SignInLink(string Url, string KeyName, string Role, string Locations);
