using SocialMonitor.Core.Policies;

namespace SocialMonitor.Core.Notifications;

/// <summary>
/// The policy's clock: its time zone, business days (weekdays in <c>businessHours.days</c> that are not holidays) and
/// business hours. Digests go at a local hour on business days; SLAs count business hours only.
/// </summary>
public sealed class BusinessCalendar(Policy policy)
{
    private const int SearchDays = 400;
    private static readonly string[] s_dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(policy.TimeZone);

    public bool IsBusinessDay(DateOnly day) =>
        policy.BusinessHours.Days.Contains(s_dayNames[(int)day.DayOfWeek]) && !policy.Holidays.Contains(day);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The instant of a local date and time; a time skipped by the spring change is taken an hour later, a repeated one at its first occurrence.</summary>
    public DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        if (_zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        var offset = _zone.IsAmbiguousTime(local) ? _zone.GetAmbiguousTimeOffsets(local).Max() : _zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>
    /// The latest digest time at or before <paramref name="now"/>: <paramref name="digestHour"/> o'clock local on a
    /// business day. What was queued before it is due; a missed timer run catches up on the next.
    /// </summary>
    public DateTimeOffset LastDigestTime(DateTimeOffset now, int digestHour)
    {
        var today = LocalDate(now);
        for (var back = 0; back < SearchDays; back++)
        {
            var day = today.AddDays(-back);
            if (IsBusinessDay(day) && At(day, new TimeOnly(digestHour, 0)) is var time && time <= now)
            {
                return time;
            }
        }
        return now; // A policy without business days: every timer run is a digest time.
    }

    /// <summary>The first digest time after <paramref name="now"/>: <paramref name="digestHour"/> o'clock local on the next business day that has it.</summary>
    public DateTimeOffset NextDigestTime(DateTimeOffset now, int digestHour)
    {
        var today = LocalDate(now);
        for (var ahead = 0; ahead < SearchDays; ahead++)
        {
            var day = today.AddDays(ahead);
            if (IsBusinessDay(day) && At(day, new TimeOnly(digestHour, 0)) is var time && time > now)
            {
                return time;
            }
        }
        return now.AddHours(1); // A policy without business days: the next timer run.
    }

    /// <summary>The zone's name at <paramref name="instant"/>, for people ("Pacific Daylight Time").</summary>
    public string ZoneName(DateTimeOffset instant) => _zone.IsDaylightSavingTime(instant) ? _zone.DaylightName : _zone.StandardName;

    /// <summary>When <paramref name="hours"/> business hours have passed since <paramref name="start"/> (weekends and holidays do not count).</summary>
    public DateTimeOffset AddBusinessHours(DateTimeOffset start, int hours)
    {
        var remaining = TimeSpan.FromHours(hours);
        var day = LocalDate(start);
        for (var i = 0; i < SearchDays; i++, day = day.AddDays(1))
        {
            if (!IsBusinessDay(day))
            {
                continue;
            }
            var open = At(day, policy.BusinessHours.Start);
            var close = At(day, policy.BusinessHours.End);
            var from = start > open ? start : open;
            if (close <= from)
            {
                continue;
            }
            if (remaining <= close - from)
            {
                return from + remaining;
            }
            remaining -= close - from;
        }
        return start + TimeSpan.FromHours(hours); // A policy without business days: plain hours.
    }
}
