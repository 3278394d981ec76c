namespace SocialMonitor.Core.Items;

public sealed record ItemAuthor(string? Id, string? Name);
