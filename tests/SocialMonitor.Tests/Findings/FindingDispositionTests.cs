using SocialMonitor.Core.Findings;

namespace SocialMonitor.Tests.Findings;

public sealed class FindingDispositionTests
{
    [Theory]
    [InlineData("acknowledged", null, null, null, null)]
    [InlineData("resolved", "post edited", null, null, null)]
    [InlineData("dismissed", null, "false-positive", null, "not a phone number")]
    [InlineData("dismissed", null, "duplicate", "0123456789abcdef0123456789abcdef", null)]
    [InlineData("escalated", null, null, null, "threat")]
    [InlineData("open", null, null, null, "visible again")]
    public void Problem_Valid_IsNull(string status, string? action, string? reason, string? duplicateOf, string? note) =>
        Assert.Null(new FindingDisposition { Status = status, Action = action, Reason = reason, DuplicateOf = duplicateOf, Note = note }.Problem());

    [Theory]
    [InlineData(null, null, null, null, "'status'")]
    [InlineData("closed", null, null, null, "'status'")]
    [InlineData("resolved", " ", null, null, "'action'")]
    [InlineData("dismissed", null, "meh", null, "'reason'")]
    [InlineData("dismissed", null, "duplicate", null, "'duplicateOf'")]
    [InlineData("dismissed", null, "false-positive", "0123", "'duplicateOf'")]
    [InlineData("escalated", null, null, null, "'note'")]
    [InlineData("acknowledged", "post edited", null, null, "'action'")]
    [InlineData("resolved", "post edited", "false-positive", null, "'reason'")]
    public void Problem_Invalid_NamesTheField(string? status, string? action, string? reason, string? duplicateOf, string named) =>
        Assert.Contains(named, new FindingDisposition { Status = status, Action = action, Reason = reason, DuplicateOf = duplicateOf }.Problem(), StringComparison.Ordinal);

    [Fact]
    public void Problem_OverlongNote_IsAProblem() =>
        Assert.NotNull(new FindingDisposition { Status = "acknowledged", Note = new string('x', FindingDisposition.MaxTextLength + 1) }.Problem());

    [Theory]
    [InlineData("open", "acknowledged,resolved,dismissed,escalated")]
    [InlineData("acknowledged", "resolved,dismissed,escalated")]
    [InlineData("escalated", "acknowledged,resolved,dismissed")]
    [InlineData("resolved", "open")]
    [InlineData("dismissed", "open")]
    public void AllowedFrom_Status_IsTheLifecycle(string from, string allowed) =>
        Assert.Equal(allowed.Split(',').Order(StringComparer.Ordinal), FindingDisposition.AllowedFrom(from).Order(StringComparer.Ordinal));
}
