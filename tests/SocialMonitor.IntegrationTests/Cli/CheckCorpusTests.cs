using System.Text.Json;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Cli;

/// <summary><c>check --input</c> over the content rules' labelled corpus: every stdout line is JSON, one per input line, in order.</summary>
public sealed class CheckCorpusTests
{
    private static readonly string[] s_findingFields = ["rule", "family", "severity", "clause", "evidence", "explanation", "advice"];

    [Fact]
    public async Task CheckInput_ContentCorpus_EveryStdoutLineParsesAsJsonInInputOrder()
    {
        var corpus = Path.Combine(RepositoryPaths.Root, "tests", "SocialMonitor.Tests", "Rules", "Corpus", "content-corpus.jsonl");
        var inputIds = File.ReadLines(corpus).Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();

        var result = await CliProcess.RunAsync(new Dictionary<string, string>(), Path.GetTempPath(), "check", "--input", corpus, "--format", "jsonl");

        Assert.Equal(2, result.ExitCode); // Something was found, and no line was bad.
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var outputs = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(inputIds, outputs.Select(o => o.GetProperty("id").GetString()));
        Assert.Contains(outputs, o => o.GetProperty("findings").GetArrayLength() == 0);
        Assert.All(outputs.SelectMany(o => o.GetProperty("findings").EnumerateArray()), f =>
        {
            foreach (var field in s_findingFields)
            {
                Assert.False(string.IsNullOrEmpty(f.GetProperty(field).GetString()), $"a finding has its {field}");
            }
        });
    }
}
