using SocialMonitor.Core.Items;

namespace SocialMonitor.Benchmarks;

/// <summary>
/// A realistic, repeatable mix of library posts and comments: about 300 characters each, one in five with a link,
/// one in twenty with something a content rule finds, one in five official.
/// </summary>
internal static class BenchmarkItems
{
    private static readonly string[] s_guest =
    [
        "Loved the Saturday storytime at the Post Falls branch, my kids talk about it all week.",
        "Is there a sign-up for the teen robotics club or do we just drop in on Thursday?",
        "Thank you to the staff at Hayden who helped my dad set up his new e-reader, so patient.",
        "Any chance of Sunday hours this winter? Parking is really tight on weeknights when there's an event.",
        "The new large-print section is wonderful, my mother reads two books a week now.",
        "We had a blast at the pumpkin painting afternoon, the volunteers were fantastic with the little ones.",
        "Could the book drop at Rathdrum stay open later on Fridays? I work until six most days.",
        "Finished the October book club pick last night and I cannot wait to talk about the ending.",
        "Do parents need to stay with kids under ten for the Lego Lab, or can we browse upstairs?",
        "The closing time change on Fridays is frustrating for working families, please reconsider it.",
        "My son checked out six dinosaur books and wants to come back for more tomorrow morning.",
        "Is the bookmobile still stopping at Spirit Lake on Wednesdays through the end of the year?",
    ];

    private static readonly string[] s_official =
    [
        "Family Storytime is back at the Athol Library every Tuesday at 10:30 am with songs, stories and a craft.",
        "Heads up: the Harrison Library will close at 4 pm on Friday, October 9 for staff training.",
        "Our Idaho Reads book club meets Thursday at 6 pm to talk about the October pick. New members welcome!",
        "Learn to use Libby for free ebooks and audiobooks at our drop-in tech help session, Tuesday 2-4 pm.",
        "Sensory-friendly storytime is this Friday at 10 am in the Pinehurst community room. #SensoryStorytime",
        "Thank you to everyone who came to Saturday's family game afternoon! We counted 42 players.",
    ];

    private static readonly string[] s_links =
    [
        " Details: https://www.communitylibrary.net/events/family-storytime",
        " Tickets here: https://www.eventbrite.com/e/lego-robotics-harrison-tickets-88412093317",
        " More at bit.ly/cln-hayden-author",
        " Guides: https://libraries.idaho.gov/",
        " I wrote it up here: https://www.northidahofamilyadventures.com/blog/straw-rockets",
    ];

    private static readonly string[] s_findings =
    [
        " What the hell happened to Saturday Lego time?",
        " Call me at 208-555-0199 if you found my keys.",
        " You're an idiot if you think that will work.",
        " Email me at jenny.miller84@gmail.com for the recipe.",
        " Use my code JESS20 for 20% off!",
        " Join us! #summerreading",
    ];

    public static Item[] Mix(int count, int seed = 20261002)
    {
        var random = new Random(seed);
        var items = new Item[count];
        for (var i = 0; i < count; i++)
        {
            var official = i % 5 == 4;
            var sentences = official ? s_official : s_guest;
            var text = "";
            while (text.Length < 240)
            {
                text += (text.Length == 0 ? "" : " ") + sentences[random.Next(sentences.Length)];
            }
            if (i % 5 == 1)
            {
                text += s_links[random.Next(s_links.Length)];
            }
            if (i % 20 == 7)
            {
                text += s_findings[random.Next(s_findings.Length)];
            }
            items[i] = new Item
            {
                Id = $"bench-{i}",
                Platform = "facebook",
                Account = "cln-hayden-fb",
                Kind = official ? ItemKinds.Post : ItemKinds.Comment,
                Origin = official ? ItemOrigins.Official : ItemOrigins.Guest,
                Text = text.Length > 320 ? text[..320] : text,
                Media = official && i % 10 == 4 ? [new ItemMedia("photo", "https://scontent.example.net/p.jpg", "Children at storytime", false)] : [],
            };
        }
        return items;
    }
}
