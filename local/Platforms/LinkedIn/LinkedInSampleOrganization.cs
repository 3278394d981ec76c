using System.Text.Json;

namespace SocialMonitor.Local.Platforms.LinkedIn;

/// <summary>
/// One organization page in LinkedIn's wire form: its URN, what <c>/rest/organizations/{id}</c> answers, its posts (Posts
/// API entities), the comments of each post by post URN (comment entities; a nested comment carries <c>parentComment</c>,
/// the URN of the comment it answers), and its access-control entries (<c>{roleAssignee, role, state, organization}</c>).
/// </summary>
public sealed record LinkedInSampleOrganization(
    string Urn,
    JsonElement Organization,
    IReadOnlyList<JsonElement> Posts,
    IReadOnlyDictionary<string, IReadOnlyList<JsonElement>> Comments,
    IReadOnlyList<JsonElement> Acls);
