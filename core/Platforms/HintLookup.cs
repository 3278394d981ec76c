namespace SocialMonitor.Core.Platforms;

/// <summary>
/// For a platform whose posts read returns only posts newer than its cursor (X's <c>since_id</c> never returns a post
/// twice): each scan looks up the known posts of the last <see cref="Window"/> by id, at most <see cref="BatchSize"/> ids
/// a read of stream <see cref="Name"/> (<see cref="StreamRequest.Ids"/>), for their current version and change hint.
/// The per-post streams of a looked-up post are read as those of a post the posts read returned; an id the platform
/// answers as not found is in <see cref="StreamRead.Gone"/>. See docs/architecture.md, "The read plan".
/// </summary>
public sealed record HintLookup(string Name, int BatchSize, TimeSpan Window);
