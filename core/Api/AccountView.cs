using System.Globalization;
using SocialMonitor.Core.Accounts;

namespace SocialMonitor.Core.Api;

/// <summary>An official account as the API lists it: without the name of its token secret, which only the IT person needs.</summary>
public sealed record AccountView(string Id, string Platform, string PlatformId, string? Handle, string Location, string? ApprovedBy, DateOnly? ApprovedOn)
{
    public static AccountView From(Account account) =>
        new(account.Id, account.Platform, account.PlatformId, account.Handle, account.Location, account.ApprovedBy, account.ApprovedOn);

    public static readonly IReadOnlyList<CsvColumn<AccountView>> CsvColumns =
    [
        new("id", a => a.Id), new("platform", a => a.Platform), new("platformId", a => a.PlatformId), new("handle", a => a.Handle),
        new("location", a => a.Location), new("approvedBy", a => a.ApprovedBy),
        new("approvedOn", a => a.ApprovedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    ];
}
