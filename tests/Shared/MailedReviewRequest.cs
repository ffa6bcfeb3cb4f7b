using System.Net;
using System.Net.Sockets;
using ElearningRollout.Application.Gates.ReviewLinks;
using ElearningRollout.Application.Notifications;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Gates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using netDumbster.smtp;

namespace ElearningRollout.Tests.Shared;

/// <summary>
/// "Decide from the e-mail" as a reviewer receives it: a demo gate awaiting a demo IT lead's decision, a review request
/// written for them as the notifier writes it, sent by the app's own mailer parts (its database, its Data Protection keys,
/// its review link issuer) to a local SMTP server. E-mail is off in the test apps, so their background pass sends nothing;
/// the request is told apart from any other test's unsent ones by a title of its own.
/// </summary>
public static class MailedReviewRequest
{
    /// <summary>Sends the request to <paramref name="smtp"/>, links made on <paramref name="baseUrl"/>; returns the mail's body.</summary>
    public static async Task<(Guid GateId, string ReviewerEmail, string Body)> SendAsync(IServiceProvider services, SimpleSmtpServer smtp, string baseUrl)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<ElearningRolloutDbContext>>();
        var title = $"Review request {Guid.NewGuid():N}";
        Guid gateId;
        string reviewerEmail;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var demoReviewers = new[] { DemoLogins.ItLead, DemoLogins.ItLead2 };
            var waiting = await (from g in db.ClearanceGates.AsNoTracking()
                                 join u in db.Users on g.ReviewerId equals u.Id
                                 where GateStateRules.AwaitingDecision.Contains(g.State) && demoReviewers.Contains(u.Email!)
                                 select new { g.Id, u.Email, ReviewerId = u.Id }).FirstAsync();
            (gateId, reviewerEmail) = (waiting.Id, waiting.Email!);
            db.Notifications.Add(new Notification
            {
                UserId = waiting.ReviewerId,
                Kind = NotificationKind.GateSubmittedToMe,
                Title = title,
                Link = $"/gates/{waiting.Id}",
                CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var mailer = new NotificationMailer(
            contexts,
            Options.Create(new EmailOptions { Host = "127.0.0.1", Port = smtp.Configuration.Port, UseTls = false, BaseUrl = baseUrl }),
            TimeProvider.System,
            NullLogger<NotificationMailer>.Instance,
            services.GetRequiredService<ReviewLinkIssuer>());
        await mailer.SendPendingAsync(CancellationToken.None);
        var body = smtp.ReceivedEmail.Select(m => m.MessageParts[0].BodyData).Single(b => b.Contains(title, StringComparison.Ordinal));
        return (gateId, reviewerEmail, body);
    }
}
