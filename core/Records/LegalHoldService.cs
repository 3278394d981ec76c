using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;

namespace SocialMonitor.Core.Records;

/// <summary>
/// The one way holds are listed, placed and lifted (the API and the command line are thin wrappers), each change with
/// its audit entry (subject <c>hold</c>, actions <c>placed</c> and <c>lifted</c>). On retry: the hold row is written
/// before its entry; a lift retried finds the hold lifted and writes the entry only if its history lacks it.
/// </summary>
public sealed class LegalHoldService(LegalHoldStore store, AccountRegistry registry, AuditLog audit, Policy policy, TimeProvider time)
{
    public const string Subject = "hold";
    public const string Placed = "placed";
    public const string Lifted = "lifted";
    public const int MaxReasonLength = 500;

    public Task<IReadOnlyList<LegalHold>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    /// <summary>The holds not lifted.</summary>
    public async Task<IReadOnlyList<LegalHold>> ActiveAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(cancellationToken)).Where(h => h.Active)];

    /// <summary>
    /// The active holds that cover any part of a records export's scope: its <paramref name="accounts"/> (each with its
    /// location) over [<paramref name="from"/>, <paramref name="to"/>) (each null for open): what the export lists in
    /// its manifest. No account in scope, no hold.
    /// </summary>
    public async Task<IReadOnlyList<LegalHold>> CoveringAsync(
        IReadOnlyList<Account> accounts, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var last = to?.AddTicks(-1); // The export's end is exclusive, a scope's inclusive.
        return [.. (await ActiveAsync(cancellationToken))
            .Where(h => accounts.Any(a => h.Meets(new RecordScope(a.Location, a.Id, from, last), policy.Zone)))];
    }

    /// <summary>
    /// Places a hold after checking it: at least one of location, account and dates; a known location and account (an
    /// account's hold is also its location's, so that records that know only a location, such as emails, are kept too);
    /// from not after to; a reason. Written with its audit entry.
    /// </summary>
    public async Task<LegalHold> PlaceAsync(LegalHoldRequest request, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var location = Trimmed(request.Location);
        var account = Trimmed(request.Account);
        var reason = Trimmed(request.Reason);
        if (location is null && account is null && request.From is null && request.To is null)
        {
            throw new LegalHoldException("A hold needs a scope: at least one of location, account, from and to.");
        }
        if (reason is null || reason.Length > MaxReasonLength)
        {
            throw new LegalHoldException($"reason: say why the records are held (1 to {MaxReasonLength} characters; a case or request number helps).");
        }
        if (request.From is { } from && request.To is { } to && from > to)
        {
            throw new LegalHoldException($"from ({from:yyyy-MM-dd}) must not be after to ({to:yyyy-MM-dd}).");
        }
        if (account is not null)
        {
            var known = await registry.GetAccountAsync(account, cancellationToken)
                ?? throw new LegalHoldException($"account: '{account}' is not in the registry.");
            if (location is not null && location != known.Location)
            {
                throw new LegalHoldException($"location: account '{account}' is at '{known.Location}', not '{location}'.");
            }
            location = known.Location;
        }
        else if (location is not null && location != Locations.District && await registry.GetLocationAsync(location, cancellationToken) is null)
        {
            throw new LegalHoldException($"location: '{location}' is not a known location.");
        }
        var hold = new LegalHold
        {
            Id = $"hold-{Guid.NewGuid():N}"[..17],
            Location = location,
            Account = account,
            From = request.From,
            To = request.To,
            Reason = reason,
            PlacedBy = by,
            PlacedAt = time.GetUtcNow(),
        };
        await store.AddAsync(hold, cancellationToken);
        await audit.AppendAsync(by, Subject, hold.Id, hold.Location, Placed, null, ItemJson.Serialize(hold), reason, cancellationToken);
        return hold;
    }

    /// <summary>
    /// Lifts a hold: the coordinator only, with a reason. The hold stays on record, marked lifted; lifting it again
    /// keeps the first lifting. Retention may remove what it kept from its next run on.
    /// </summary>
    public async Task<LegalHold> LiftAsync(string id, string? reason, string by, bool coordinator, CancellationToken cancellationToken)
    {
        if (!coordinator)
        {
            throw new LegalHoldException(LegalHoldRefusal.Forbidden, "Only the coordinator may lift a legal hold.");
        }
        var why = Trimmed(reason);
        if (why is null || why.Length > MaxReasonLength)
        {
            throw new LegalHoldException($"reason: say why the hold is lifted (1 to {MaxReasonLength} characters).");
        }
        while (true)
        {
            var (hold, etag) = await store.GetAsync(id, cancellationToken)
                ?? throw new LegalHoldException(LegalHoldRefusal.NotFound, $"There is no legal hold '{id}'.");
            if (!hold.Active)
            {
                if (!(await audit.HistoryAsync(Subject, hold.Id, cancellationToken)).Any(e => e.Action == Lifted))
                {
                    // A lift cut off between its row and its entry: the entry is written now, as it was lifted.
                    await audit.AppendAsync(hold.LiftedBy!, Subject, hold.Id, hold.Location, Lifted, null, ItemJson.Serialize(hold), hold.LiftReason!, cancellationToken);
                }
                return hold;
            }
            var lifted = hold with { LiftedBy = by, LiftedAt = time.GetUtcNow(), LiftReason = why };
            if (await store.TryReplaceAsync(lifted, etag, cancellationToken))
            {
                await audit.AppendAsync(by, Subject, hold.Id, hold.Location, Lifted, ItemJson.Serialize(hold), ItemJson.Serialize(lifted), why, cancellationToken);
                return lifted;
            }
        }
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
