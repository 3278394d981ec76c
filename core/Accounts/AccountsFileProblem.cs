namespace SocialMonitor.Core.Accounts;

/// <summary>One problem in the accounts file: where (a JSON path such as <c>$.locations[2].managers[0].email</c>) and what.</summary>
public sealed record AccountsFileProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
