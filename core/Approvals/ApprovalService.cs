using System.Globalization;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Core.Approvals;

/// <summary>
/// The one way approvals of every kind are listed, added and revoked, for the API and the command line alike: one
/// normalisation, one check (<see cref="Approval.Problems"/>), one permission rule and one audit path (subject
/// <c>approval</c>, actions <see cref="AddAction"/> and <see cref="RevokeAction"/>). A manager lists, adds and revokes
/// access and attestations for accounts of their own locations only (another location's is not found), never an
/// administrator-level role, an account, an app or a link (forbidden).
/// <para>
/// On retry: the approval row is written first and its audit entry second; the same request again finds the approval
/// in force and writes the entry if a crash kept it from the log, so nothing is approved twice and no change is
/// unrecorded.
/// </para>
/// <para>
/// An approval acts on what it covers: a link approval (new, or found again on a retry) queues the items of the open,
/// acknowledged and escalated <c>link-domain</c> findings it allows for evaluation, and the evaluator resolves those
/// findings "destination approved by …"; an approval of another kind queues the daily review items of the active
/// governance findings of the account it covers, so an attestation resolves its finding the same day. Queueing twice
/// evaluates twice, which changes nothing more. A revocation reopens nothing by itself: the link is found again when its
/// item is next evaluated, the governance finding at the next daily review.
/// </para>
/// </summary>
public sealed class ApprovalService(
    ApprovalStore store, AuditLog audit, ApprovalCache cache, AccountRegistry registry, Policy policy, PublicSuffixList suffixes, TimeProvider time,
    FindingStore findings, FindingItems findingItems, QueueSender queue)
{
    public const string Subject = "approval";
    public const string AddAction = "add";
    public const string RevokeAction = "revoke";
    public const int MaxReasonLength = 500;

    /// <summary>Every approval of <paramref name="kind"/> the actor may see, revoked and expired ones included.</summary>
    public async Task<IReadOnlyList<Approval>> ListAsync(string kind, ApprovalActor actor, CancellationToken cancellationToken)
    {
        Authorise(kind, actor);
        var all = await store.ListAsync(kind, cancellationToken);
        if (actor.IsCoordinator)
        {
            return all;
        }
        var visible = new List<Approval>();
        foreach (var approval in all)
        {
            if (await LocationAsync(approval.Scope, cancellationToken) is { } location && actor.Locations!.Contains(location, StringComparer.Ordinal))
            {
                visible.Add(approval);
            }
        }
        return visible;
    }

    /// <summary>
    /// Approves what <paramref name="request"/> says; the approver is the actor unless <paramref name="approver"/> (the
    /// command line's <c>--approver</c>) names someone else, the date today unless given. Returns the approval and
    /// whether it is new: the same approval already in force for the same scope is returned as it is.
    /// </summary>
    public async Task<(Approval Approval, bool Created)> AddAsync(
        string kind, ApprovalRequest request, ApprovalActor actor, CancellationToken cancellationToken,
        string? approver = null, DateOnly? date = null, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        Authorise(kind, actor);
        var today = policy.LocalDate(time.GetUtcNow());
        var on = date ?? today;
        var scope = string.IsNullOrWhiteSpace(request.Scope) ? (kind == ApprovalKinds.Accounts ? request.Value?.Trim() : null) ?? LinkApprovalScopes.All : request.Scope.Trim();
        var value = request.Value?.Trim() ?? (kind == ApprovalKinds.Accounts ? scope : "");
        if (value.Length is 0 or > 2000)
        {
            throw Invalid("value: must be given (at most 2000 characters)");
        }
        if (scope.Length > Approval.MaxScopeLength)
        {
            throw Invalid($"scope: is at most {Approval.MaxScopeLength} characters");
        }
        var account = scope == LinkApprovalScopes.All ? null : await registry.GetAccountAsync(scope, cancellationToken);
        var location = await LocationAsync(scope, cancellationToken);
        if (scope != LinkApprovalScopes.All && location is null)
        {
            throw Invalid($"scope: '{scope}' is {(kind == ApprovalKinds.Links ? "no location and no account" : "no account")} in the registry");
        }
        if (!actor.IsCoordinator && (location is null || !actor.Locations!.Contains(location, StringComparer.Ordinal)))
        {
            throw new ApprovalException(ApprovalRefusal.NotFound, $"There is no account '{scope}' among your locations' accounts.");
        }
        if (kind is not ApprovalKinds.Links and not ApprovalKinds.Apps && account is null && scope != LinkApprovalScopes.All)
        {
            throw Invalid($"scope: {kind} approvals are for one account; '{scope}' is a location");
        }
        if (request.Expires < today)
        {
            throw Invalid($"expires: {request.Expires:yyyy-MM-dd} is in the past; today is {today:yyyy-MM-dd} in {policy.TimeZone}");
        }

        var role = request.Role?.Trim().ToUpperInvariant();
        var level = kind == ApprovalKinds.Access && role is not null && account is not null ? LevelOf(account.Platform, role) : null;
        if (level == ApprovalKinds.Administrator && !actor.IsCoordinator)
        {
            throw new ApprovalException(ApprovalRefusal.Forbidden, $"Only the coordinator approves an administrator-level role ({role} on {account!.Platform}) or a shared login.");
        }
        var approval = new Approval
        {
            Kind = kind,
            Id = id ?? $"{ApprovalKinds.IdPrefix(kind)}{Guid.NewGuid():N}"[..(ApprovalKinds.IdPrefix(kind).Length + 12)],
            Match = request.Match?.Trim(),
            Value = kind == ApprovalKinds.Links ? NormaliseDestination(request.Match, value) : value,
            Scope = scope,
            Approver = approver ?? actor.Name,
            Date = on,
            Expires = request.Expires,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            Role = role,
            Level = level,
            Person = request.Person?.Trim(),
            ReviewOn = request.ReviewOn ?? kind switch
            {
                ApprovalKinds.Access => on.AddDays(policy.Approvals.AccessReviewDays),
                ApprovalKinds.Attestations => on.AddDays(policy.Approvals.AttestationDueDays),
                _ => null,
            },
            ClosesOn = request.ClosesOn,
            AppName = request.AppName?.Trim(),
            Statement = request.Statement?.Trim(),
        };
        var problems = approval.Problems(suffixes);
        if (problems.Count > 0)
        {
            throw Invalid(string.Join("; ", problems));
        }

        var existing = id is null
            // An account approval the import made is not the same as one a person records: that one is recorded beside it.
            ? (await store.ListAsync(kind, cancellationToken)).FirstOrDefault(a => a.InForce(today) && Same(a, approval) && a.Id != ImportId(a.Scope))
            : await store.GetAsync(kind, id, cancellationToken);
        if (existing is not null && id is null)
        {
            await RecordOnceAsync(existing, location, AddAction, null, existing.Note ?? Describe(existing), cancellationToken);
            await ReevaluateCoveredAsync(existing, cancellationToken);
            return (existing, false);
        }
        approval = await store.AddAsync(approval, cancellationToken);
        cache.Invalidate();
        await RecordOnceAsync(approval, location, AddAction, existing, approval.Note ?? Describe(approval), cancellationToken);
        await ReevaluateCoveredAsync(approval, cancellationToken);
        return (approval, true);
    }

    /// <summary>Revokes the approval with <paramref name="reason"/>; revoking a revoked one changes nothing (its first revocation stays).</summary>
    /// <param name="ifMatch">
    /// The versions (<see cref="Approval.ETag"/>) the caller read: the approval in force at another version is stale.
    /// Empty: the caller sent none, refused. Null: no precondition (the command line, which reads and revokes in one step);
    /// the write is conditional on the version read here either way.
    /// </param>
    public async Task<Approval> RevokeAsync(string kind, string id, string reason, ApprovalActor actor, CancellationToken cancellationToken, IReadOnlyList<string>? ifMatch = null)
    {
        Authorise(kind, actor);
        if (id.Length > Approval.MaxIdLength)
        {
            throw Invalid($"id: is at most {Approval.MaxIdLength} characters");
        }
        reason = reason.Trim();
        if (reason.Length > MaxReasonLength)
        {
            throw Invalid($"reason: is at most {MaxReasonLength} characters");
        }
        var before = await store.GetAsync(kind, id, cancellationToken);
        var location = before is null ? null : await LocationAsync(before.Scope, cancellationToken);
        if (before is null || (!actor.IsCoordinator && (location is null || !actor.Locations!.Contains(location, StringComparer.Ordinal))))
        {
            throw new ApprovalException(ApprovalRefusal.NotFound, $"There is no {kind} approval '{id}'.");
        }
        if (before.RevokedAt is not null)
        {
            // Already revoked (a retried request, whatever ETag it sends): nothing is written, so nothing is overwritten.
            await RecordOnceAsync(before, location, RevokeAction, null, before.RevokedReason ?? "", cancellationToken);
            return before;
        }
        if (ifMatch is { Count: 0 })
        {
            throw new ApprovalException(ApprovalRefusal.PreconditionRequired, $"Revoking the {kind} approval '{id}' needs the version you read.");
        }
        if (ifMatch is not null && !ifMatch.Contains(before.ETag, StringComparer.Ordinal))
        {
            throw Stale(kind, id);
        }
        var revoked = before with { RevokedAt = time.GetUtcNow(), RevokedBy = actor.Name, RevokedReason = reason.Length == 0 ? null : reason };
        // Written only over the version read: a change in between (another revocation, an edit) is a stale request.
        revoked = await store.TryReplaceAsync(revoked, before.ETag!, cancellationToken) ?? throw Stale(kind, id);
        cache.Invalidate();
        await RecordOnceAsync(revoked, location, RevokeAction, before, reason, cancellationToken);
        return revoked;
    }

    private static ApprovalException Stale(string kind, string id) => new(ApprovalRefusal.Stale,
        $"The {kind} approval '{id}' changed since you read it (If-Match is not its ETag): list it again, check the change still makes sense, and send it with the new ETag.");

    /// <summary>
    /// The account approval an import of the accounts file records from its <c>approvedBy</c>/<c>approvedOn</c> (id
    /// <c>account-import-{account}</c>, replaced when the file's changes). An account approval recorded through the API
    /// or the command line, in force, is never overwritten: the import leaves it and records nothing. Run again with
    /// the same file, it writes nothing.
    /// </summary>
    public async Task<Approval?> ImportAccountAsync(Account account, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (string.IsNullOrWhiteSpace(account.ApprovedBy) || account.ApprovedOn is not { } approvedOn)
        {
            return null;
        }
        var importId = ImportId(account.Id);
        var today = policy.LocalDate(time.GetUtcNow());
        var recorded = (await store.ListAsync(ApprovalKinds.Accounts, cancellationToken)).Where(a => a.Scope == account.Id).ToList();
        if (recorded.FirstOrDefault(a => a.Id != importId && a.InForce(today)) is { } kept)
        {
            return kept;
        }
        var imported = new Approval
        {
            Kind = ApprovalKinds.Accounts, Id = importId, Value = account.Id, Scope = account.Id,
            Approver = account.ApprovedBy.Trim(), Date = approvedOn, Note = ImportNote,
        };
        var before = recorded.FirstOrDefault(a => a.Id == importId);
        if (account.Personal && before is { RevokedAt: not null })
        {
            // A staff member withdrew consent: importing the file again never gives it back; a new approval does.
            return before;
        }
        if (before is not null && before with { ETag = null, RevokedAt = null, RevokedBy = null, RevokedReason = null } == imported && before.RevokedAt is null)
        {
            return before;
        }
        await store.AddAsync(imported, cancellationToken);
        cache.Invalidate();
        await audit.AppendAsync(actor, Subject, importId, account.Location, AddAction, before is null ? null : ItemJson.Serialize(before),
            ItemJson.Serialize(imported), ImportNote, cancellationToken);
        return imported;
    }

    public const string ImportNote = "imported from the accounts file";

    private static string ImportId(string account) => $"{ApprovalKinds.IdPrefix(ApprovalKinds.Accounts)}import-{account}";

    /// <summary>The location a scope belongs to: none for <c>all</c>, the location itself, or an account's location; null when it is neither.</summary>
    public async Task<string?> LocationAsync(string scope, CancellationToken cancellationToken)
    {
        if (scope == LinkApprovalScopes.All)
        {
            return null;
        }
        if (await registry.GetAccountAsync(scope, cancellationToken) is { } account)
        {
            return account.Location;
        }
        return (await registry.GetLocationAsync(scope, cancellationToken))?.Id;
    }

    /// <summary>
    /// A link destination as it is stored and matched: trimmed, a domain in lowercase ASCII (IDN converted) that must be
    /// registrable (a subdomain would silently widen to its whole domain); the rest is <see cref="Approval.ValueProblem"/>'s.
    /// </summary>
    private string NormaliseDestination(string? match, string value)
    {
        if (match != LinkMatches.Domain)
        {
            return value;
        }
        string domain;
        try
        {
            domain = new IdnMapping().GetAscii(value.TrimEnd('.')).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            throw Invalid($"value: '{value}' must be a domain such as example.org (no scheme or path) for match domain");
        }
        var registrable = suffixes.RegistrableDomain(domain);
        if (registrable is not null && registrable != domain)
        {
            throw Invalid($"value: '{value}' is a subdomain: approve its registrable domain '{registrable}' (which includes every subdomain) or use match prefix for less");
        }
        return domain;
    }

    /// <summary>The level of a platform role: the policy's table; a shared login, or a role on a platform the table does not list, is administrator-level.</summary>
    private string LevelOf(string platform, string role)
    {
        if (role == ApprovalKinds.SharedLogin)
        {
            return ApprovalKinds.Administrator;
        }
        var known = policy.Approvals.RolesOf(platform);
        if (known.Count == 0)
        {
            return ApprovalKinds.Administrator;
        }
        return policy.Approvals.LevelOf(platform, role)
            ?? throw Invalid($"role: '{role}' is not a {platform} role in the policy's table; it is one of {string.Join(", ", known)} or {ApprovalKinds.SharedLogin}");
    }

    /// <summary>
    /// Queues, once each, the items of the active link findings <paramref name="approval"/> allows, or for the other kinds
    /// the daily review items (docs/architecture.md, "The daily account review") of the active governance findings of the
    /// accounts it covers, so that an attestation or approval recorded today resolves its finding when the evaluator next
    /// runs, not at tomorrow's review; returns how many.
    /// </summary>
    private async Task<int> ReevaluateCoveredAsync(Approval approval, CancellationToken cancellationToken)
    {
        if (approval.Kind != ApprovalKinds.Links)
        {
            return await ReevaluateReviewAsync(approval, cancellationToken);
        }
        var today = policy.LocalDate(time.GetUtcNow());
        var locations = (await registry.ListLocationsAsync(cancellationToken)).Select(l => l.Id).Append(Locations.District).ToList();
        var query = new FindingQuery(locations, null)
        {
            Statuses = [FindingStatuses.Open, FindingStatuses.Acknowledged, FindingStatuses.Escalated],
            Families = [LinkApprovals.Family],
        };
        var queued = new HashSet<(string, string)>();
        string? token = null;
        do
        {
            var page = await findings.ListAsync(query, token, 200, cancellationToken);
            foreach (var finding in page.Items.Where(f => approval.AppliesTo(f.Account, f.Location) && !queued.Contains((f.Platform, f.ItemId))))
            {
                if (await findingItems.GetAsync(finding, cancellationToken) is { } item && LinkApprovals.Allowing(item, finding.Location, [approval], today).Any())
                {
                    await queue.SendItemAsync(item, cancellationToken, approvalsChangedAt: time.GetUtcNow());
                    queued.Add((finding.Platform, finding.ItemId));
                }
            }
            token = page.ContinuationToken;
        }
        while (token is not null);
        return queued.Count;
    }

    /// <summary>
    /// The review items (an account item's id is the account's) of the active governance findings of the approval's
    /// account, or of every account for an app approved for <c>all</c>: the evaluator judges them again with the approval
    /// and resolves what it now covers ("no longer found by the daily account review"). Queued twice, the item is
    /// evaluated twice, which changes nothing more.
    /// </summary>
    private async Task<int> ReevaluateReviewAsync(Approval approval, CancellationToken cancellationToken)
    {
        var account = approval.Scope == LinkApprovalScopes.All ? null : await registry.GetAccountAsync(approval.Scope, cancellationToken);
        if (account is null && approval.Scope != LinkApprovalScopes.All)
        {
            return 0;
        }
        IReadOnlyList<string> locations = account is null ? [.. (await registry.ListLocationsAsync(cancellationToken)).Select(l => l.Id)] : [account.Location];
        var query = new FindingQuery(locations, null)
        {
            Statuses = [FindingStatuses.Open, FindingStatuses.Acknowledged, FindingStatuses.Escalated],
            Families = [GovernanceFamily],
            Accounts = account is null ? [] : [account.Id],
        };
        var queued = new HashSet<(string, string)>();
        string? token = null;
        do
        {
            var page = await findings.ListAsync(query, token, 200, cancellationToken);
            foreach (var finding in page.Items.Where(f => f.ItemId == f.Account && !queued.Contains((f.Platform, f.ItemId))))
            {
                if (await findingItems.GetAsync(finding, cancellationToken) is { Kind: ItemKinds.Account } item)
                {
                    await queue.SendItemAsync(item, cancellationToken, approvalsChangedAt: time.GetUtcNow());
                    queued.Add((finding.Platform, finding.ItemId));
                }
            }
            token = page.ContinuationToken;
        }
        while (token is not null);
        return queued.Count;
    }

    /// <summary>The rule family whose findings the non-link approvals cover (core/Rules/Governance).</summary>
    private const string GovernanceFamily = "governance";

    private async Task RecordOnceAsync(Approval approval, string? location, string action, Approval? before, string why, CancellationToken cancellationToken)
    {
        var after = ItemJson.Serialize(approval);
        var history = await audit.HistoryAsync(Subject, approval.Id, cancellationToken);
        if (history.Any(e => e.Action == action && e.After == after))
        {
            return;
        }
        var actor = action == RevokeAction ? approval.RevokedBy ?? approval.Approver : approval.Approver;
        await audit.AppendAsync(actor, Subject, approval.Id, location, action, before is null ? null : ItemJson.Serialize(before), after, why, cancellationToken);
    }

    private static bool Same(Approval a, Approval b) =>
        a.Scope == b.Scope && a.Match == b.Match && a.Value == b.Value && a.Role == b.Role;

    private static string Describe(Approval a) => a.Kind switch
    {
        ApprovalKinds.Links => $"{a.Match} {a.Value} for {a.Scope}",
        ApprovalKinds.Access => $"{a.Role} for {a.Value} on {a.Scope}",
        _ => $"{a.Value} for {a.Scope}",
    };

    /// <summary>Refuses an unknown kind (not found) and a kind the actor may not touch at all (forbidden), before anything is read.</summary>
    public static void Authorise(string kind, ApprovalActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        CheckKind(kind);
        CheckManagerMay(kind, actor);
    }

    private static void CheckKind(string kind)
    {
        if (!ApprovalKinds.All.Contains(kind))
        {
            throw new ApprovalException(ApprovalRefusal.NotFound, $"There is no kind of approval '{(kind.Length > 40 ? kind[..40] + "…" : kind)}': it is one of {string.Join(", ", ApprovalKinds.All)}.");
        }
    }

    private static void CheckManagerMay(string kind, ApprovalActor actor)
    {
        if (!actor.IsCoordinator && !ApprovalKinds.ManagerMay(kind))
        {
            throw new ApprovalException(ApprovalRefusal.Forbidden, $"Only the coordinator manages {kind} approvals; a manager records access and attestations.");
        }
    }

    private static ApprovalException Invalid(string problem) => new(ApprovalRefusal.Invalid, $"The approval is not valid: {problem}.");
}
