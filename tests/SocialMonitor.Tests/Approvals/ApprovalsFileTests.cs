using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Tests.Approvals;

public sealed class ApprovalsFileTests
{
    [Fact]
    public void Parse_ListOutput_ReadsEveryApproval()
    {
        const string json = """
            [{"id":"a1","match":"domain","value":"eventbrite.com","scope":"all","approver":"c@example.org","date":"2026-09-01","expires":null,"note":null,"revokedAt":null,"revokedBy":null},
             {"id":"a2","match":"url","value":"https://x.org/a","scope":"hayden","approver":"c@example.org","date":"2026-09-01","expires":"2026-12-31","note":"n","revokedAt":"2026-10-01T00:00:00Z","revokedBy":"c@example.org"}]
            """;

        var approvals = ApprovalsFile.Parse(json, "a.json", PublicSuffixList.Default);

        Assert.Equal(["a1", "a2"], approvals.Select(a => a.Id));
        Assert.NotNull(approvals[1].RevokedAt);
    }

    [Fact]
    public void Write_EveryKind_EachRecordNamesItsKindAndReadsBackAsIt()
    {
        Approval[] approvals =
        [
            new() { Id = "link-1", Match = "domain", Value = "eventbrite.com", Approver = "c@example.org", Date = new DateOnly(2026, 9, 1) },
            new()
            {
                Kind = ApprovalKinds.Access, Id = "access-1", Value = "casey@example.org", Scope = "cln-hayden-fb", Role = "MODERATE", Level = "editor",
                Person = "Casey Nguyen", ReviewOn = new DateOnly(2027, 3, 1), Approver = "c@example.org", Date = new DateOnly(2026, 9, 1),
            },
        ];

        var json = ApprovalsFile.Write(approvals);
        var read = ApprovalsFile.Parse(json, "a.json", PublicSuffixList.Default);

        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(["links", "access"], document.RootElement.EnumerateArray().Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal(["kind", "id"], document.RootElement[1].EnumerateObject().Take(2).Select(p => p.Name));
        Assert.Equal(approvals, read);
    }

    [Theory]
    [InlineData("""{"id":"a1"}""", "a.json: $: not an array of approvals")]
    [InlineData("""[{"id":"a1","match":"domain","value":"com","approver":"c@example.org","date":"2026-09-01"}]""", "$[0].value:")]
    [InlineData("""[{"id":"a1","match":"domain","value":"x.org","approver":"c@example.org","date":"2026-09-01"},{"id":"a1","match":"domain","value":"y.org","approver":"c@example.org","date":"2026-09-01"}]""", "'a1' appears 2 times")]
    [InlineData("""[{"id":"a1","match":"domain","value":"x.org","approver":"c@example.org"}]""", "a.json: $[0]")]
    [InlineData("""[null]""", "$[0]: is null")]
    public void Parse_BadFile_NamesThePath(string json, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ApprovalsFile.Parse(json, "a.json", PublicSuffixList.Default));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
