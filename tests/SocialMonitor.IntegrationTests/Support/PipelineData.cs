using SocialMonitor.Local.Platforms.Facebook;

namespace SocialMonitor.IntegrationTests.Support;

/// <summary>The tests' own Facebook pages for <see cref="SampleAccounts"/>: Hayden with links and profanity, an empty Bookmobile.</summary>
internal static class PipelineData
{
    public const string HaydenToken = "EAAtest-hayden-secret-token-7f3a9c";
    public const string BookmobileToken = "EAAtest-bookmobile-secret-token-2b8e1d";

    public static readonly Dictionary<string, string?> Tokens = new()
    {
        ["Tokens:cln-hayden-fb-token"] = HaydenToken,
        ["Tokens:cln-bookmobile-fb-token"] = BookmobileToken,
    };

    public static FacebookSampleData Data => FacebookSampleData.Parse("""
        {"pages":[
          {"id":"104000000000099","name":"CLN Hayden",
           "profile":{"id":"104000000000099","name":"CLN Hayden","website":"https://www.communitylibrary.net/locations/hayden",
             "about":"Comment policy: https://communitylibrary.net/social-media-policy"},
           "posts":[
            {"id":"104000000000099_1","created_time":"2026-10-10T16:00:00+0000","updated_time":"2026-10-11T09:00:00+0000",
             "message":"Teen STEM night this Thursday! Register at https://www.eventbrite.com/e/teen-stem-night-123",
             "permalink_url":"https://www.facebook.com/104000000000099/posts/1","from":{"id":"104000000000099","name":"CLN Hayden"},
             "is_hidden":false},
            {"id":"104000000000099_2","created_time":"2026-10-09T16:00:00+0000","updated_time":"2026-10-09T16:00:00+0000",
             "message":"New hours start Monday: communitylibrary.net/hours","permalink_url":"https://www.facebook.com/104000000000099/posts/2",
             "from":{"id":"104000000000099","name":"CLN Hayden"},"is_hidden":false},
            {"id":"104000000000099_3","created_time":"2026-10-08T16:00:00+0000","updated_time":"2026-10-08T18:00:00+0000",
             "message":"Storytime photos from last week.","permalink_url":"https://www.facebook.com/104000000000099/posts/3",
             "from":{"id":"104000000000099","name":"CLN Hayden"},"is_hidden":false}],
           "comments":{
             "104000000000099_1":[
               {"id":"1_11","message":"Shit, I wish this were on a Friday.","created_time":"2026-10-10T17:00:00+0000",
                "permalink_url":"https://www.facebook.com/104000000000099/posts/1?comment_id=11","is_hidden":false},
               {"id":"1_12","message":"The parking lot is always full on Thursdays, please fix it.","created_time":"2026-10-10T18:00:00+0000",
                "from":{"id":"555","name":"Dana R."},"permalink_url":"https://www.facebook.com/104000000000099/posts/1?comment_id=12","is_hidden":false}],
             "104000000000099_3":[
               {"id":"3_31","message":"Cute! More at bit.ly/cute-kids","created_time":"2026-10-08T17:00:00+0000",
                "permalink_url":"https://www.facebook.com/104000000000099/posts/3?comment_id=31","is_hidden":false},
               {"id":"3_32","message":"Thanks!","created_time":"2026-10-08T18:00:00+0000","parent":{"id":"3_31"},
                "from":{"id":"104000000000099","name":"CLN Hayden"},
                "permalink_url":"https://www.facebook.com/104000000000099/posts/3?comment_id=31&reply_comment_id=32","is_hidden":false}]}},
          {"id":"104000000000098","name":"CLN Bookmobile","posts":[],"comments":{},
           "profile":{"id":"104000000000098","name":"CLN Bookmobile","website":"https://www.communitylibrary.net/locations/bookmobile",
             "about":"Comment policy: https://communitylibrary.net/social-media-policy"}}]}
        """);

    /// <summary>Items in <see cref="Data"/>: 3 posts, 3 comments, 1 reply.</summary>
    public const int ItemCount = 7;

    /// <summary>Account items of Hayden (and of each page without its own profile): its profile (id, name, website and about, as branding wants them), no roles, no apps.</summary>
    public const int AccountItemCount = 1;

    /// <summary>Findings the starter rules raise on <see cref="Data"/>: eventbrite.com, bit.ly, "Shit" (a mild word such as "damn" is no finding while the mild tier is off).</summary>
    public const int FindingCount = 3;
}
