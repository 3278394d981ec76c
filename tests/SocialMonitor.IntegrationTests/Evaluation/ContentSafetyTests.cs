using SocialMonitor.Local;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.ContentSafety;
using SocialMonitor.Core.Evaluation;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Evaluation;

/// <summary>
/// The optional classifier end to end: <c>evaluate-item</c> with the app's container on Azurite, asking a loopback Azure
/// AI Content Safety in its wire format, with a static credential that needs no network.
/// </summary>
public sealed class ContentSafetyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Threat = "I know where you live.";

    /// <summary>Fake time moves in small steps, so that a real request in flight never looks like a 10-second timeout.</summary>
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Hate", "conduct.hate", "critical")]
    [InlineData("Violence", "conduct.threat", "critical")]
    [InlineData("Sexual", "conduct.sexual", "high")]
    [InlineData("SelfHarm", "conduct.self-harm", "critical")]
    public async Task Evaluate_CategoryAtTheThreshold_RaisesItsRuleWithTheClassifierAsEvidence(string category, string rule, string severity)
    {
        await using var server = await ContentSafetyServer.StartAsync(Ct);
        server.Severities = _ => new Dictionary<string, int> { [category] = 4 };
        var credential = new StaticTokenCredential("classifier-token");
        await using var services = await StartAsync(server, credential: credential);

        var finding = Assert.Single(await services.GetRequiredService<ItemEvaluator>().EvaluateAsync(Message("A plain sentence with nothing listed."), Ct));

        Assert.Equal((rule, severity), (finding.Rule, finding.Severity));
        Assert.Equal($"Azure AI Content Safety: {category}, severity 4", finding.Evidence);
        Assert.Equal(FindingIds.For("facebook", "1_2", rule, "content-safety:" + category), finding.Id);
        var request = Assert.Single(server.Requests);
        Assert.Equal("?api-version=2024-09-01", request.Query);
        Assert.Equal("Bearer classifier-token", request.Authorization);
        Assert.Equal(["Hate", "Sexual", "SelfHarm", "Violence"], request.Categories);
        Assert.Equal("FourSeverityLevels", request.OutputType);
        Assert.Equal(["https://cognitiveservices.azure.com/.default"], credential.Scopes);
    }

    [Fact]
    public async Task Evaluate_SelfHarm_GoesToTheCoordinatorAloneAtOnceWithTheSafetyContacts()
    {
        await using var server = await ContentSafetyServer.StartAsync(Ct);
        server.Severities = _ => new Dictionary<string, int> { ["SelfHarm"] = 6 };
        await using var services = await StartAsync(server);

        var finding = Assert.Single(await services.GetRequiredService<ItemEvaluator>().EvaluateAsync(Message("A plain sentence."), Ct));

        var route = Assert.Single(await services.GetRequiredService<NotificationRouter>().RouteAsync(finding, Ct));
        Assert.Equal(("coordinator@example.org", NotifyPreferences.Immediate), (route.Person.Email, route.Delivery));
        Assert.Contains("988", finding.Explanation, StringComparison.Ordinal);
        Assert.Contains("Do not answer in public", finding.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 2, false)]
    [InlineData(null, 4, true)]
    [InlineData("2", 2, true)]
    [InlineData("6", 4, false)]
    public async Task Evaluate_Severity_IsAFindingOnlyAtOrAboveMinSeverity(string? minSeverity, int severity, bool raised)
    {
        await using var server = await ContentSafetyServer.StartAsync(Ct);
        server.Severities = _ => new Dictionary<string, int> { ["Violence"] = severity };
        await using var services = await StartAsync(server, minSeverity is null ? null : new() { ["ContentSafety:MinSeverity"] = minSeverity });

        var findings = await services.GetRequiredService<ItemEvaluator>().EvaluateAsync(Message("A plain sentence."), Ct);

        Assert.Equal(raised ? 1 : 0, findings.Count);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Evaluate_TextOverTenThousandCharacters_IsSentInSentencePartsAndTheWorstSeverityKept()
    {
        await using var server = await ContentSafetyServer.StartAsync(Ct);
        server.Severities = text => new Dictionary<string, int>
        {
            ["Violence"] = text.Contains("burn it down", StringComparison.Ordinal) ? 6 : 0,
            ["Hate"] = 2,
        };
        await using var services = await StartAsync(server);
        var sentence = "The library opens at ten and the story hour starts at eleven on Saturdays. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 300)) + "Someone should burn it down.";

        var finding = Assert.Single(await services.GetRequiredService<ItemEvaluator>().EvaluateAsync(Message(text), Ct));

        Assert.Equal("Azure AI Content Safety: Violence, severity 6", finding.Evidence);
        var parts = server.Requests.Select(r => r.Text!).ToList();
        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 10_000));
        Assert.All(parts[..^1], p => Assert.EndsWith(". ", p, StringComparison.Ordinal));
        Assert.Equal(text, string.Concat(parts));
        var archived = await ArchivedAsync(services);
        Assert.Contains("\"Violence\":6", archived, StringComparison.Ordinal);
        Assert.Contains("\"Hate\":2", archived, StringComparison.Ordinal);
        Assert.DoesNotContain("library opens", archived, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_429WithRetryAfter_WaitsThatLongThenAsksAgain()
    {
        await using var server = await ContentSafetyServer.StartAsync(Ct);
        server.Severities = _ => new Dictionary<string, int> { ["Violence"] = 4 };
        server.Answer = n => n == 1 ? new ContentSafetyFault(429, "TooManyRequests", "Rate limit is exceeded.", RetryAfter: 7) : null;
        var time = new TestClock(TestHost.Start);
        await using var services = await StartAsync(server, time: time);

        var evaluation = services.GetRequiredService<ItemEvaluator>().EvaluateAsync(Message("A plain sentence."), Ct);
        var waited = await AdvanceUntilRequestsAsync(time, server, 2);
        await FakeClock.WaitUntilAsync(() => evaluation.IsCompleted, "the evaluation");

        Assert.InRange(waited, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(8)); // Retry-After: 7, not the 1-second backoff.
        Assert.Equal("conduct.threat", Assert.Single(await evaluation).Rule);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Evaluate_500ThenSuccess_RetriesAndRaisesNoCaptureFinding()
    {
        await using var server = await ContentSafetyServer.StartAsync(Ct);
        server.Severities = _ => new Dictionary<string, int> { ["Hate"] = 6 };
        server.Answer = n => n == 1 ? new ContentSafetyFault(500, "InternalError", "An internal error occurred.") : null;
        var time = new TestClock(TestHost.Start);
        await using var services = await StartAsync(server, time: time);

        var evaluation = services.GetRequiredService<ItemEvaluator>().EvaluateAsync(Message("A plain sentence."), Ct);
        await AdvanceUntilRequestsAsync(time, server, 2);
        await FakeClock.WaitUntilAsync(() => evaluation.IsCompleted, "the evaluation");

        Assert.Equal("conduct.hate", Assert.Single(await evaluation).Rule);
        Assert.Equal(2, server.Requests.Count);
        Assert.Null(await FailedAsync(services));
    }

    [Fact]
    public async Task Evaluate_ClassifierKeepsFailing_RulesAloneDecideAndOneCaptureFindingUntilItAnswersAgain()
    {
        await using var server = await ContentSafetyServer.StartAsync(Ct);
        server.Severities = _ => new Dictionary<string, int> { ["Violence"] = 6 };
        var failing = true;
        server.Answer = _ => failing ? new ContentSafetyFault(503, "ServerBusy", "The server is busy.") : null;
        var time = new TestClock(TestHost.Start);
        await using var services = await StartAsync(server, time: time);
        var evaluator = services.GetRequiredService<ItemEvaluator>();

        var first = evaluator.EvaluateAsync(Message(Threat, "1_2"), Ct);
        await AdvanceUntilRequestsAsync(time, server, 4);
        await FakeClock.WaitUntilAsync(() => first.IsCompleted, "the first evaluation");
        var second = evaluator.EvaluateAsync(Message(Threat, "1_3"), Ct);
        await AdvanceUntilRequestsAsync(time, server, 8);
        await FakeClock.WaitUntilAsync(() => second.IsCompleted, "the second evaluation");

        var rule = Assert.Single(await first);
        Assert.Equal(("conduct.threat", FindingIds.For("facebook", "1_2", "conduct.threat", "i know where you live")), (rule.Rule, rule.Id));
        Assert.DoesNotContain("Content Safety", rule.Evidence, StringComparison.Ordinal);
        Assert.Equal(8, server.Requests.Count); // Four attempts for each item: the first and three retries.
        var failed = await FailedAsync(services);
        Assert.Equal(("capture.classifier-failed", FindingStatuses.Open), (failed!.Rule, failed.Status));
        Assert.Contains("HTTP 503 ServerBusy: The server is busy.", failed.Evidence, StringComparison.Ordinal);
        var page = await services.GetRequiredService<FindingStore>().ListAsync(new FindingQuery(["district"], null), null, 100, Ct);
        Assert.Single(page.Items, f => f.Rule == "capture.classifier-failed");

        failing = false;
        await evaluator.EvaluateAsync(Message("A plain sentence.", "1_4"), Ct);

        Assert.Equal(FindingStatuses.Resolved, (await FailedAsync(services))!.Status);
    }

    [Fact]
    public async Task Evaluate_RuleAndClassifierAgree_OneFindingWithBothAsEvidence()
    {
        await using var server = await ContentSafetyServer.StartAsync(Ct);
        server.Severities = _ => new Dictionary<string, int> { ["Violence"] = 4 };
        await using var services = await StartAsync(server);

        var finding = Assert.Single(await services.GetRequiredService<ItemEvaluator>().EvaluateAsync(Message(Threat), Ct));

        Assert.Equal(FindingIds.For("facebook", "1_2", "conduct.threat", "i know where you live"), finding.Id);
        Assert.StartsWith("'I know where you live';", finding.Evidence, StringComparison.Ordinal);
        Assert.EndsWith("; Azure AI Content Safety: Violence, severity 4", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_ClassifierFailsOnARetry_KeepsItsEarlierFinding()
    {
        await using var server = await ContentSafetyServer.StartAsync(Ct);
        server.Severities = _ => new Dictionary<string, int> { ["Hate"] = 6 };
        var time = new TestClock(TestHost.Start);
        await using var services = await StartAsync(server, time: time);
        var evaluator = services.GetRequiredService<ItemEvaluator>();
        var raised = Assert.Single(await evaluator.EvaluateAsync(Message("A plain sentence."), Ct));

        server.Answer = _ => new ContentSafetyFault(500, "InternalError", "An internal error occurred.");
        var again = evaluator.EvaluateAsync(Message("A plain sentence, edited."), Ct);
        await AdvanceUntilRequestsAsync(time, server, 5);
        await FakeClock.WaitUntilAsync(() => again.IsCompleted, "the evaluation");

        Assert.Empty(await again);
        Assert.Equal(FindingStatuses.Open, (await services.GetRequiredService<FindingStore>().GetAsync("hayden", raised.Id, Ct))!.Status);
    }

    [Fact]
    public async Task Evaluate_EndpointUnset_SendsNoRequestAtAll()
    {
        await using var server = await ContentSafetyServer.StartAsync(Ct);
        server.Severities = _ => new Dictionary<string, int> { ["Violence"] = 6 };
        await using var services = await StartAsync(server, new() { ["ContentSafety:Endpoint"] = "" });

        var finding = Assert.Single(await services.GetRequiredService<ItemEvaluator>().EvaluateAsync(Message(Threat), Ct));

        Assert.DoesNotContain("Content Safety", finding.Evidence, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Evaluate_OfficialPost_IsClassifiedOnlyWhenThePolicySaysSo()
    {
        await using var server = await ContentSafetyServer.StartAsync(Ct);
        server.Severities = _ => new Dictionary<string, int> { ["Violence"] = 6 };
        await using (var services = await StartAsync(server))
        {
            Assert.Empty(await services.GetRequiredService<ItemEvaluator>().EvaluateAsync(Message("A plain sentence.", origin: ItemOrigins.Official), Ct));
            Assert.Empty(server.Requests);
        }

        await using var classifying = await StartAsync(server, configure: s => s.AddSingleton(provider =>
        {
            var policy = provider.GetRequiredService<PolicySource>().Load();
            return policy with { Classifier = policy.Classifier with { OfficialItems = true } };
        }));
        var finding = Assert.Single(await classifying.GetRequiredService<ItemEvaluator>().EvaluateAsync(Message("A plain sentence.", origin: ItemOrigins.Official), Ct));

        Assert.Equal("conduct.threat", finding.Rule);
        Assert.Single(server.Requests);
    }

    private async Task<ServiceProvider> StartAsync(
        ContentSafetyServer server, Dictionary<string, string?>? settings = null, FakeTimeProvider? time = null, TokenCredential? credential = null,
        Action<IServiceCollection>? configure = null)
    {
        await azurite.ResetAsync(Ct);
        var values = new Dictionary<string, string?> { ["ContentSafety:Endpoint"] = server.Endpoint };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }
        var services = TestHost.Create(azurite, values, time, configure: s =>
        {
            s.AddSingleton(credential ?? new StaticTokenCredential("test-token"));
            configure?.Invoke(s);
        });
        await services.GetRequiredService<AccountRegistry>().ImportAsync(AccountsFileReader.Read(SampleAccounts.Json).File!, Ct);
        return services;
    }

    /// <summary>Once the first request has arrived (in real time), moves fake time on until the server has seen <paramref name="count"/>; returns how far.</summary>
    private static async Task<TimeSpan> AdvanceUntilRequestsAsync(FakeTimeProvider time, ContentSafetyServer server, int count)
    {
        await FakeClock.WaitUntilAsync(() => server.Requests.Count > 0, "the first request");
        return await FakeClock.AdvanceUntilAsync(time, () => server.Requests.Count >= count, Step, TimeSpan.FromSeconds(30));
    }

    private static EvaluateItemMessage Message(string text, string id = "1_2", string origin = ItemOrigins.Guest) => new(new Item
    {
        Id = id,
        Platform = "facebook",
        Account = "cln-hayden-fb",
        Kind = origin == ItemOrigins.Guest ? ItemKinds.Comment : ItemKinds.Post,
        Origin = origin,
        Author = origin == ItemOrigins.Guest ? new ItemAuthor("9001", "A Guest") : null,
        Text = text,
    }, null);

    private static Task<Finding?> FailedAsync(IServiceProvider services) =>
        services.GetRequiredService<FindingStore>().GetAsync("district", ItemClassifier.FailedFindingId, Ct);

    /// <summary>The one classifier answer in the archive container.</summary>
    private static async Task<string> ArchivedAsync(IServiceProvider services)
    {
        var container = await services.GetRequiredService<StorageClients>().ContainerAsync(ContainerNames.Archive, Ct);
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "classifier/", Ct))
        {
            names.Add(blob.Name);
        }
        var name = Assert.Single(names);
        return (await container.GetBlobClient(name).DownloadContentAsync(Ct)).Value.Content.ToString();
    }
}
