namespace SocialMonitor.Core.Rules.LinkDomain;

/// <summary>
/// One link of an item: as written (in the text at <see cref="Offset"/>, or in the item's <c>links</c>), read as a web
/// address, and the addresses it leads to without any network: redirect wrappers unwrapped and an X <c>t.co</c> link
/// replaced by its expanded link. <see cref="Target"/> is the last of them.
/// </summary>
public sealed record LinkCandidate(string Written, int? Offset, WebAddress Address, IReadOnlyList<WebAddress> Steps)
{
    public WebAddress Target => Steps.Count > 0 ? Steps[^1] : Address;

    public int Length => Written.Length;
}
