using System.Globalization;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;

namespace SocialMonitor.Core.Findings;

/// <summary>
/// Every status change, each with an audit entry (who, when, before, after, why). People change a status through
/// <see cref="ApplyAsync"/>, conditional on the ETag of their last read. The system changes it in these cases only
/// (docs/architecture.md, "Findings: lifecycle"): an open, acknowledged or escalated finding whose problem an edit removed is
/// resolved; one whose link destination the coordinator approved is resolved ("destination approved by …", when its
/// unchanged item is evaluated again); a resolved one whose problem comes back is reopened; a <c>capture</c> finding is
/// resolved when its condition clears; an unacknowledged critical or high one past its SLA is escalated. A
/// dismissed finding stays dismissed.
/// <para>
/// A change and its entry: the finding's row is written first and carries the entry, then the entry is appended. A
/// crash between the two leaves the entry on the row, and the next read of the finding through the API appends it
/// (<see cref="EnsureAuditedAsync"/>): never a change without its entry, and never an entry for a change not made.
/// </para>
/// </summary>
public sealed class FindingLifecycle(FindingStore findings, AuditLog audit, IEnumerable<IRule> rules, TimeProvider time)
{
    public const string Subject = "finding";
    public const string AfterEditWhy = "no longer present after edit";

    /// <summary>The families the rules raise on items: only their findings are resolved when an edit removed the problem.</summary>
    private readonly HashSet<string> _itemFamilies = [.. rules.Select(r => r.Family)];

    /// <summary>Resolves an open, acknowledged or escalated finding; anything else is left as it is. Returns the finding as stored.</summary>
    public async Task<Finding?> ResolveBySystemAsync(string location, string id, string why, CancellationToken cancellationToken) =>
        (await ChangeBySystemAsync(location, id, f => IsActive(f.Status) ? Resolve(f, f.ItemVersion, why) : null, cancellationToken))?.Finding;

    /// <summary>
    /// Escalates a finding still open past its SLA (<c>Notifications.Escalations</c>): the status changes with its ETag, then
    /// its entry is appended. Anything not open (acknowledged in between, already escalated) is left as it is.
    /// </summary>
    public async Task<Finding?> EscalateBySystemAsync(string location, string id, string why, CancellationToken cancellationToken) =>
        (await ChangeBySystemAsync(location, id, f => f.Status == FindingStatuses.Open ? Escalate(f, why) : null, cancellationToken))?.Finding;

    /// <summary>Reopens a resolved finding whose problem came back; a dismissed one stays dismissed.</summary>
    public async Task<Finding?> ReopenBySystemAsync(string location, string id, string why, CancellationToken cancellationToken) =>
        (await ChangeBySystemAsync(location, id, f => f.Status == FindingStatuses.Resolved ? Reopen(f, Actors.System, why) : null, cancellationToken))?.Finding;

    /// <summary>
    /// After an item version was evaluated: its findings from the rules that were not raised again are resolved (the
    /// edit removed the problem), and a resolved one remembers this version, so that the problem seen again on any
    /// other version reopens it. An active finding not raised again on the same version is resolved only when
    /// <paramref name="sameVersionWhy"/> says why (an approval now allows it); otherwise it stays. Run twice on the same
    /// version, it changes nothing more. <paramref name="otherVersionWhy"/> is the reason given for one last seen on another
    /// version (by default <see cref="AfterEditWhy"/>; the daily account review, whose item is a new version each day, gives its own).
    /// </summary>
    public async Task ResolveAbsentAsync(
        string platform, string itemId, string version, IReadOnlyCollection<string> present, CancellationToken cancellationToken,
        Func<Finding, string?>? sameVersionWhy = null, string otherVersionWhy = AfterEditWhy)
    {
        foreach (var (location, id) in await findings.ByItemAsync(platform, itemId, cancellationToken))
        {
            if (present.Contains(id))
            {
                continue;
            }
            await ChangeBySystemAsync(location, id, f =>
                !_itemFamilies.Contains(f.Family) || f.Rule == Rules.Governance.ModerationRule.Rule ? null // A hide is not undone by an edit.
                : f.ItemVersion == version ? (IsActive(f.Status) && sameVersionWhy?.Invoke(f) is { } why ? Resolve(f, version, why) : null)
                : IsActive(f.Status) ? Resolve(f, version, otherVersionWhy)
                : f.Status == FindingStatuses.Resolved && f.ResolvedItemVersion != version ? new FindingChange(f with { ResolvedItemVersion = version }, null)
                : null,
                cancellationToken);
        }
    }

    /// <summary>
    /// Records a detected finding: creates it, or merges the candidate's detection fields into the stored one (status,
    /// first detection and notification stay), reopening a resolved one whose problem came back in the same conditional
    /// write, then appends the reopen's audit entry. Run again with the same candidate, it writes nothing more.
    /// </summary>
    public async Task<FindingMerge> RecordAsync(Finding candidate, CancellationToken cancellationToken)
    {
        while (true)
        {
            var write = await findings.ChangeAsync(candidate.Location, candidate.Id, null, stored => Merge(stored, candidate), cancellationToken);
            if (write.Stored is { } stored)
            {
                await AppendAsync(write, cancellationToken);
                return new FindingMerge(stored.Finding, Created: false);
            }
            if (await findings.TryAddAsync(candidate, cancellationToken))
            {
                return new FindingMerge(candidate, Created: true);
            }
            // Another delivery created it between the read and the add: merge into that one.
        }
    }

    private FindingChange Merge(Finding stored, Finding candidate)
    {
        var merged = stored with
        {
            Evidence = candidate.Evidence,
            Quote = candidate.Quote,
            LastSeen = candidate.LastSeen,
            ItemVersion = candidate.ItemVersion,
            Permalink = candidate.Permalink ?? stored.Permalink,
        };
        return ReopenIfBack(stored, merged) ?? new FindingChange(merged, null);
    }

    /// <summary>
    /// A resolved finding detected again is reopened, when seen on another item version than the one it was resolved at
    /// (or, for a finding about no item version, detected after it was resolved).
    /// </summary>
    private FindingChange? ReopenIfBack(Finding stored, Finding merged)
    {
        if (stored.Status != FindingStatuses.Resolved)
        {
            return null;
        }
        var back = merged.ItemVersion is null
            ? merged.LastSeen > (stored.StatusChangedAt ?? stored.LastSeen)
            : merged.ItemVersion != (stored.ResolvedItemVersion ?? stored.ItemVersion);
        if (!back)
        {
            return null;
        }
        var resolved = string.Create(CultureInfo.InvariantCulture,
            $"the problem came back (seen {merged.LastSeen:u}); it was resolved {stored.StatusChangedAt:u} by {stored.StatusChangedBy ?? "unknown"}: {stored.Resolution}");
        return Reopen(merged, Actors.System, resolved);
    }

    /// <summary>A person's disposition, applied only if <paramref name="ifMatch"/> is still the finding's ETag.</summary>
    public async Task<DispositionResult> ApplyAsync(
        string location, string id, string ifMatch, FindingDisposition disposition, string actor, CancellationToken cancellationToken)
    {
        string? refusal = null;
        var write = await findings.ChangeAsync(location, id, ifMatch, f =>
        {
            if (!FindingDisposition.Allowed(f.Status, disposition.Status!))
            {
                var allowed = FindingDisposition.AllowedFrom(f.Status).ToList();
                refusal = $"A finding that is {f.Status} cannot be set {disposition.Status}; it can be set " +
                    (allowed.Count == 0 ? "nothing else." : string.Join(" or ", allowed) + ".");
                return null;
            }
            return Apply(f, disposition, actor);
        }, cancellationToken);
        if (refusal is not null)
        {
            return new DispositionResult(FindingWriteStatus.Unchanged, write.Stored, refusal);
        }
        await AppendAsync(write, cancellationToken);
        return new DispositionResult(write.Status, write.Stored);
    }

    /// <summary>Appends the entry of the finding's last change if a crash kept it from the log.</summary>
    public async Task EnsureAuditedAsync(StoredFinding stored, CancellationToken cancellationToken)
    {
        if (stored.LastChange is { } entry)
        {
            await audit.EnsureAsync(entry, cancellationToken);
        }
    }

    /// <summary>The finding's history, newest first.</summary>
    public Task<IReadOnlyList<AuditEntry>> HistoryAsync(string id, CancellationToken cancellationToken) =>
        audit.HistoryAsync(Subject, id, cancellationToken);

    private async Task<StoredFinding?> ChangeBySystemAsync(string location, string id, Func<Finding, FindingChange?> decide, CancellationToken cancellationToken)
    {
        var write = await findings.ChangeAsync(location, id, null, decide, cancellationToken);
        await AppendAsync(write, cancellationToken);
        return write.Stored;
    }

    private async Task AppendAsync(FindingWrite write, CancellationToken cancellationToken)
    {
        if (write is { Status: FindingWriteStatus.Changed, Stored.LastChange: { } entry })
        {
            await audit.AppendAsync(entry, cancellationToken);
        }
    }

    private FindingChange Apply(Finding f, FindingDisposition d, string actor)
    {
        if (d.Status == FindingStatuses.Open)
        {
            return Reopen(f, actor, d.Note!);
        }
        var now = time.GetUtcNow();
        var after = f with
        {
            Status = d.Status!,
            Resolution = d.Status == FindingStatuses.Resolved ? d.Action!.Trim() : null,
            DismissReason = d.Status == FindingStatuses.Dismissed ? d.Reason : null,
            DuplicateOf = d.Status == FindingStatuses.Dismissed ? d.DuplicateOf : null,
            ResolvedItemVersion = d.Status == FindingStatuses.Resolved ? f.ItemVersion : null,
            AcknowledgedAt = f.AcknowledgedAt ?? now,
            StatusChangedBy = actor,
            StatusChangedAt = now,
        };
        var why = d.Status switch
        {
            FindingStatuses.Resolved => after.Resolution!,
            FindingStatuses.Dismissed => d.DuplicateOf is null ? d.Reason! : $"{d.Reason} of {d.DuplicateOf}",
            _ => "",
        };
        if (!string.IsNullOrWhiteSpace(d.Note) && d.Status is FindingStatuses.Resolved or FindingStatuses.Dismissed)
        {
            why = $"{why}: {d.Note.Trim()}";
        }
        else if (!string.IsNullOrWhiteSpace(d.Note))
        {
            why = d.Note.Trim();
        }
        return new FindingChange(after, Entry(actor, f, after, d.Status!, why));
    }

    private FindingChange Resolve(Finding f, string? version, string why)
    {
        var after = f with
        {
            Status = FindingStatuses.Resolved,
            Resolution = why,
            ResolvedItemVersion = version,
            StatusChangedBy = Actors.System,
            StatusChangedAt = time.GetUtcNow(),
        };
        return new FindingChange(after, Entry(Actors.System, f, after, "resolved", why));
    }

    private FindingChange Escalate(Finding f, string why)
    {
        var after = f with { Status = FindingStatuses.Escalated, StatusChangedBy = Actors.System, StatusChangedAt = time.GetUtcNow() };
        return new FindingChange(after, Entry(Actors.System, f, after, "escalated", why));
    }

    private FindingChange Reopen(Finding f, string actor, string why)
    {
        var now = time.GetUtcNow();
        var after = f with
        {
            Status = FindingStatuses.Open,
            Resolution = null,
            DismissReason = null,
            DuplicateOf = null,
            ResolvedItemVersion = null,
            StatusChangedBy = actor,
            StatusChangedAt = now,
            ReopenedAt = now,
            ReopenCount = f.ReopenCount + 1,
            // The problem came back: routed like a new finding, once per reopening (its emails' ids carry the reopening).
            NotifyQueuedAt = actor == Actors.System ? null : f.NotifyQueuedAt,
            NotifiedAt = actor == Actors.System ? null : f.NotifiedAt,
        };
        return new FindingChange(after, Entry(actor, f, after, "reopened", why));
    }

    private AuditEntry Entry(string actor, Finding before, Finding after, string action, string why) =>
        audit.NewEntry(actor, Subject, before.Id, before.Location, action, State(before), State(after), why);

    private static string State(Finding f) => ItemJson.Serialize(new { f.Status, f.Resolution, f.DismissReason, f.DuplicateOf });

    private static bool IsActive(string status) =>
        status is FindingStatuses.Open or FindingStatuses.Acknowledged or FindingStatuses.Escalated;
}
