using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Core.Approvals;

/// <summary>
/// Adding and revoking link approvals with their audit entries (subject <c>approval</c>), for the command line and
/// the API alike. An approval is checked before anything is written. The approval row is written first and the audit
/// entry second: a retry after a crash between the two writes the same row again and then the entry.
/// </summary>
public sealed class ApprovalChanges(
    ApprovalStore store, AuditLog audit, ApprovalCache cache, AccountRegistry registry, PublicSuffixList suffixes, TimeProvider time)
{
    public const string Subject = "approval";

    /// <summary>Stores <paramref name="approval"/> (replacing one with the same id) and records who did it; throws <see cref="ArgumentException"/> naming each problem.</summary>
    public async Task<LinkApproval> AddAsync(LinkApproval approval, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approval);
        var problems = approval.Problems(suffixes);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The approval is not valid: {string.Join("; ", problems)}.", nameof(approval));
        }
        var before = await store.GetAsync(approval.Id, cancellationToken);
        await store.AddAsync(approval, cancellationToken);
        cache.Invalidate();
        await audit.AppendAsync(actor, Subject, approval.Id, await LocationAsync(approval, cancellationToken), before is null ? "add" : "replace",
            before is null ? null : ItemJson.Serialize(before), ItemJson.Serialize(approval), approval.Note ?? "", cancellationToken);
        return approval;
    }

    /// <summary>Revokes the approval; null when there is none with that id. Revoking a revoked approval changes nothing and records nothing.</summary>
    public async Task<LinkApproval?> RevokeAsync(string id, string actor, string reason, CancellationToken cancellationToken)
    {
        var before = await store.GetAsync(id, cancellationToken);
        if (before is null || before.RevokedAt is not null)
        {
            return before;
        }
        var revoked = await store.RevokeAsync(id, actor, time.GetUtcNow(), cancellationToken);
        cache.Invalidate();
        await audit.AppendAsync(actor, Subject, id, await LocationAsync(before, cancellationToken), "revoke", ItemJson.Serialize(before), ItemJson.Serialize(revoked), reason, cancellationToken);
        return revoked;
    }

    /// <summary>The audit entry's location: none for scope <c>all</c>, the account's location for an account, else the scope (a location id).</summary>
    private async Task<string?> LocationAsync(LinkApproval approval, CancellationToken cancellationToken)
    {
        if (approval.Scope == LinkApprovalScopes.All)
        {
            return null;
        }
        var account = await registry.GetAccountAsync(approval.Scope, cancellationToken);
        return account?.Location ?? approval.Scope;
    }
}
