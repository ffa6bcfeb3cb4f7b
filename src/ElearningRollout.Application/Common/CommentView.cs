namespace ElearningRollout.Application.Common;

/// <summary>One comment of a thread as shown; <paramref name="About"/> says what part of the subject it concerns, when it does.</summary>
public sealed record CommentView(string Author, DateTimeOffset At, string Text, string? About = null);
