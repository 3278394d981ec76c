namespace SocialMonitor.Core.Accounts;

/// <summary>
/// One registry row an import is about to write: what it is (<c>account</c>, <c>location</c> or <c>coordinator</c>),
/// its id and location, and its content before (null: new) and after, as JSON. <see cref="Removed"/>: a location no
/// longer in the file, whose managers lose their access to it.
/// </summary>
public sealed record RegistryChange(string Subject, string Id, string? Location, string? Before, string After)
{
    public bool Removed { get; init; }
}
