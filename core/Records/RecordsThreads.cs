using System.Text;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Records;

/// <summary>
/// One account's threads while its items are read in id order: each in-scope item is appended to its thread's
/// temporary file (JSON lines), and once the account is read each thread becomes its page, so only one thread is ever
/// in memory. Items that hang from no post (profile, roles, apps) share the account's page.
/// </summary>
internal sealed class RecordsThreads(string directory, Account account)
{
    private const string AccountPage = "account";

    public async Task AddAsync(string? postId, ItemRecord record, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, RecordsPaths.Safe(postId ?? AccountPage) + ".jsonl");
        await File.AppendAllTextAsync(file, Key(postId) + "\t" + ItemJson.Serialize(record) + "\n", cancellationToken);
    }

    public async Task WriteAsync(RecordsZip zip, RecordsRun run, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }
        foreach (var file in Directory.GetFiles(directory, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var records = new List<ItemRecord>();
            string? key = null;
            foreach (var line in await File.ReadAllLinesAsync(file, cancellationToken))
            {
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                key = line[..tab];
                records.Add(ItemJson.Deserialize<ItemRecord>(line[(tab + 1)..]));
            }
            var postId = key == "" ? null : key;
            var path = RecordsPaths.Thread(account.Platform, account.Id, postId ?? AccountPage);
            var post = records.FirstOrDefault(r => r.Index.Kind == ItemKinds.Post)?.Latest;
            var title = postId is null
                ? $"{account.Platform} account {account.Id}: profile, roles, apps and other items"
                : $"{account.Platform} account {account.Id}: post {postId}" + (post is null ? "" : ": " + Shorten(post.Text));
            await zip.AddTextAsync(path, ThreadPage.Render(title, $"Records export: {run.Query.Describe()}; location {account.Location}", records, run.Zone), cancellationToken);
            await run.Index.Writer.WriteAsync(IndexPage.Row(path, title, account, records.Count).AsMemory(), cancellationToken);
            run.Counts.Threads++;
            File.Delete(file);
        }
    }

    private static string Key(string? postId) => (postId ?? "").Replace("\t", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length > 60 ? line[..57] + "..." : line;
    }
}
