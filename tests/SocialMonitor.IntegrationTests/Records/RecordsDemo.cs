using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Cli.Demo;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Archive;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Scanning;
using SocialMonitor.IntegrationTests.Api;

namespace SocialMonitor.IntegrationTests.Records;

/// <summary>
/// The demo run once for the records tests, its API served with a coordinator and a Post Falls-less manager key, and on
/// top of the demo's own capture an edit of one Post Falls comment (through the recorder, with an archived answer the
/// new version names) and a confirmed deletion of another: the history a records request must show.
/// </summary>
public sealed class RecordsDemo : IAsyncLifetime
{
    public const string CoordinatorKey = "records-test-coordinator-0123456789";
    public const string ManagerKey = "records-test-manager-0123456789ab";
    public const string Account = "cln-postfalls-fb";
    public const string Post = "104000000000005_12210500200748553";
    public const string EditedComment = "12210500200748553_1221050020183553";
    public const string DeletedComment = "12210500200748553_1221050020383553";
    public const string EditedText = "Edited: last month's pick was not for me <b>honestly</b>, hoping this one is better.";

    private readonly string _directory = Directory.CreateTempSubdirectory("socialmonitor-records-").FullName;
    private DemoRunner? _demo;
    private WebApplication? _app;

    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(Url) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public string Url { get; private set; } = "";
    public IServiceProvider Services => _app!.Services;

    /// <summary>The SHA-256 of the answer the edit's version came from.</summary>
    public string EditAnswer { get; private set; } = "";

    public string OriginalText { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _demo = await DemoRunner.StartAsync(Path.Combine(_directory, "outbox"), ct, TextWriter.Null);
        await _demo.RunAsync(verbose: false, ct);
        _app = _demo.BuildApi(new ConfigurationBuilder().Build(), CoordinatorKey, ManagerKey, "http://127.0.0.1:0", verbose: false);
        Url = await ApiHost.ListenAsync(_app, ct);

        var account = (await Services.GetRequiredService<AccountRegistry>().GetAccountAsync(Account, ct))!;
        var index = Services.GetRequiredService<ItemIndex>();
        var recorder = Services.GetRequiredService<ItemRecorder>();
        var edited = (await index.GetAsync(Account, EditedComment, ct))!;
        var before = (await Services.GetRequiredService<ItemHistory>().ListAsync(EditedComment, ct)).Last(e => e.Item is not null).Item!;
        OriginalText = before.Text;
        var item = before with { Text = EditedText, EditedAt = DemoRunner.Clock.AddHours(20) };
        var body = ItemJson.Serialize(new { data = new[] { new { id = item.Id, message = item.Text } } });
        var response = new PlatformResponse(StreamNames.Comments, Post, "http://127.0.0.1/facebook/v25.0/" + Post + "/comments", 200, body, DemoRunner.Clock.AddHours(21));
        var answers = new StreamAnswers();
        EditAnswer = await Services.GetRequiredService<ResponseArchive>().RecordAsync(account, response, ct);
        answers.Add(EditAnswer, response);
        await recorder.RecordAsync(account, edited.Stream, [item], new Dictionary<string, IndexedItem> { [item.Id] = edited }, false, answers, ct);
        var deleted = (await index.GetAsync(Account, DeletedComment, ct))!;
        await recorder.GoneAsync(deleted, ItemEvents.Deleted, "gone from its stream; the platform confirmed it does not exist", ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        if (_demo is not null)
        {
            await _demo.DisposeAsync();
        }
        Directory.Delete(_directory, recursive: true);
    }
}
