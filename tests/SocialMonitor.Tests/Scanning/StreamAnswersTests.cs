using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Tests.Scanning;

public sealed class StreamAnswersTests
{
    private static readonly DateTimeOffset At = new(2026, 10, 15, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SourcesOf_ItemInOnePage_ThatPageOnly()
    {
        var answers = Answers(("sha-1", 200, """{"data":[{"id":"1_2","message":"a"}]}"""), ("sha-2", 200, """{"data":[{"id":"1_3","message":"b"}]}"""));

        Assert.Equal(["sha-2"], answers.SourcesOf(new Item { Id = "1_3" }));
    }

    [Fact]
    public void SourcesOf_IdNotInAnyBody_EverySuccessfulAnswerOfTheRead()
    {
        var answers = Answers(("sha-1", 200, """{"data":[]}"""), ("sha-err", 500, """{"error":{}}"""), ("sha-2", 200, """{"name":"x"}"""), ("sha-2", 200, """{"name":"x"}"""));

        Assert.Equal(["sha-1", "sha-2"], answers.SourcesOf(new Item { Id = "profile:42" }));
    }

    [Fact]
    public void SourcesOf_IdAsPartOfAnotherId_NotAMatch()
    {
        var answers = Answers(("sha-1", 200, """{"data":[{"id":"1_23"}]}"""), ("sha-2", 200, """{"data":[{"id":"1_2"}]}"""));

        Assert.Equal(["sha-2"], answers.SourcesOf(new Item { Id = "1_2" }));
    }

    [Fact]
    public void Clear_AfterAStream_NothingLeftForTheNext()
    {
        var answers = Answers(("sha-1", 200, """{"data":[{"id":"1_2"}]}"""));

        answers.Clear();

        Assert.Empty(answers.SourcesOf(new Item { Id = "1_2" }));
    }

    private static StreamAnswers Answers(params (string Sha, int Status, string Body)[] pages)
    {
        var answers = new StreamAnswers();
        foreach (var (sha, status, body) in pages)
        {
            answers.Add(sha, new PlatformResponse("comments", "1", "https://graph.example/1/comments", status, body, At));
        }
        return answers;
    }
}
