using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Notifications;

/// <summary>
/// How a use case leaves notices for people: added to the use case's own context, so the step and its notices
/// are saved together or not at all. Shared by every notifier so titles and recipients are handled one way.
/// </summary>
public static class Notices
{
    public const int MaxTitleLength = 400;

    /// <summary>One notice per distinct recipient.</summary>
    public static void Add(ElearningRolloutDbContext db, IEnumerable<string> recipients, NotificationKind kind, string title, string link, DateTimeOffset at)
    {
        foreach (var userId in recipients.Distinct())
        {
            db.Notifications.Add(new Notification
            {
                UserId = userId,
                Kind = kind,
                Title = Shorten(title, MaxTitleLength),
                Link = link,
                CreatedAt = at,
            });
        }
    }

    public static Task<List<string>> UsersInRoleAsync(ElearningRolloutDbContext db, string role, CancellationToken cancellationToken)
        => db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .Where(x => x.Name == role).Select(x => x.UserId).ToListAsync(cancellationToken);

    /// <summary>Quoted user text is cut so a title stays one line in the bell.</summary>
    public static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
