using System.Text.RegularExpressions;

namespace SocialMonitor.IntegrationTests.Infra;

/// <summary>One run of the Bicep CLI: its exit code, what it printed, and the warnings and errors among that.</summary>
internal sealed partial record BicepRun(int ExitCode, string Stdout, string Stderr)
{
    // Bicep prints "<file>(<line>,<column>) : Warning|Error <code>: <message>" and exits 0 on warnings.
    [GeneratedRegex(@"^.*\(\d+,\d+\) : (Warning|Error) .*$", RegexOptions.Multiline)]
    private static partial Regex Diagnostic();

    public IReadOnlyList<string> Problems =>
        [.. Diagnostic().Matches(Stdout + "\n" + Stderr).Select(m => m.Value.Trim()),
         .. ExitCode == 0 ? Array.Empty<string>() : [$"bicep exited with code {ExitCode}: {Stderr.Trim()}"]];
}
