namespace ElearningRollout.Application.CalendarFeeds;

/// <summary>The profile page's calendar panel: whether the person has a feed in use (never its address: that is shown once).</summary>
public sealed record CalendarFeedView(bool InUse, DateTimeOffset? CreatedAt, DateTimeOffset? LastReadAt);

/// <summary>A feed just created: the only time its address is shown.</summary>
public sealed record NewCalendarFeedView(string Url);
