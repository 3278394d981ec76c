using Microsoft.AspNetCore.Http;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Policies;

namespace SocialMonitor.Core.Api;

/// <summary><c>GET /api/audit</c> (coordinator only): the audit log, newest first, filtered, a page at a time; JSON or CSV.</summary>
public sealed class AuditApi(ApiRunner runner, AuditLog audit, VisibleLocations locations, Policy policy)
{
    /// <summary>What an audit entry is about.</summary>
    public static readonly IReadOnlyList<string> Subjects = ["finding", "approval", "account", "location", "coordinator", Records.RecordsExporter.AuditSubject, "hold", "retention"];

    public Task ListAsync(HttpContext context, CancellationToken cancellationToken) =>
        runner.RunAsync(context, coordinatorOnly: true, async _ =>
        {
            var query = new ApiQuery(context.Request, "subject", "subjectId", "actor", "location", "action", "from", "to", "pageSize", "continuationToken", "format");
            var subject = query.Value("subject");
            if (subject is not null && !Subjects.Contains(subject))
            {
                throw ApiProblemException.BadParameter("subject", $"must be one of {string.Join(", ", Subjects)}");
            }
            var location = ApiQuery.MustBeKnown("location", query.Slugs("location"), await locations.AllAsync(cancellationToken), "location") switch
            {
                [] => null,
                [var one] => one,
                _ => throw ApiProblemException.BadParameter("location", "takes one location id"),
            };
            var action = query.Value("action");
            if (action is not null)
            {
                ApiQuery.MustBeKnown("action", [action], AuditActions.All, "action");
            }
            var (from, to) = query.Range(policy.Zone);
            var filter = new AuditQuery
            {
                Subject = subject,
                SubjectId = query.Value("subjectId"),
                Actor = query.Value("actor"),
                Location = location,
                Action = action,
                From = from,
                To = to,
            };
            var (pageSize, token, csv) = (query.PageSize(), query.ContinuationToken(), ApiOutput.WantsCsv(context.Request, query));
            var (entries, next) = await audit.ListAsync(filter, token, pageSize, cancellationToken);
            if (csv)
            {
                await ApiOutput.WriteListAsync(context, csv, entries, next, AuditEntryView.CsvColumns, cancellationToken);
                return;
            }
            await ApiOutput.WriteListAsync(context, csv, [.. entries.Select(AuditEntryView.From)], next, [], cancellationToken);
        }, cancellationToken);
}
