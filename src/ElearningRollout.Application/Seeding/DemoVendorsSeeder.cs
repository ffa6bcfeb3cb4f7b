using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Seeding;

/// <summary>
/// The demo vendor registry and engagements, made through the real domain rules (statuses moved step by step,
/// deliverables submitted and signed off in order). Dates follow today, so one vendor's SOC 2 report is always
/// about to expire and another's ISO certificate has just lapsed. Runs after the demo rollouts.
/// </summary>
public sealed class DemoVendorsSeeder(IDbContextFactory<ElearningRolloutDbContext> dbFactory, TimeProvider clock) : IDemoDataSeeder
{
    private const string Coursecraft = "Coursecraft Learning Ltd";
    private const string Skyline = "Skyline LMS Cloud";
    private const string Northwind = "Northwind Integration Services";
    private const string Helpdesk = "Helpdesk Partners";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Vendors.AnyAsync(cancellationToken) || !await db.Rollouts.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var itLead = await db.Users.Where(u => u.Email == "itlead@elearning.test").Select(u => u.Id).SingleAsync(cancellationToken);
        var vendors = Vendors(itLead, today, now).ToDictionary(v => v.Name);
        db.Vendors.AddRange(vendors.Values);

        var rollouts = await Rollouts.RolloutStore.Whole(db).ToDictionaryAsync(r => r.Code, cancellationToken);
        VendorEngagement Engage(string code, string vendor, EngagementType type, EngagementTerms terms)
        {
            var rollout = rollouts[code];
            var engagement = new VendorEngagement(rollout.Id, vendors[vendor].Id, type, terms,
                TechnicalRequirementCatalogue.For(rollout.HostingModel, rollout.Integrations, rollout.AccessChannels), rollout.TrainingOwnerId, now.AddDays(-30));
            db.VendorEngagements.Add(engagement);
            return engagement;
        }

        string OwnerOf(string code) => rollouts[code].TrainingOwnerId;
        var year = new EngagementTerms(36000m, "EUR", today.AddDays(-20), today.AddYears(1), 99.9m, 1);

        // Dealer academy, in vendor selection: the platform under evaluation, courses only proposed.
        Move(Engage("ELR-0001", Skyline, EngagementType.LmsPlatform, year), now, EngagementStatus.Evaluating);
        Engage("ELR-0001", Coursecraft, EngagementType.CourseDevelopment, new EngagementTerms(24000m, "EUR", today.AddDays(30), today.AddDays(200), null, null));

        // Plant compliance with SAP, in design and build: integration running, course development half-way.
        var integration = Engage("ELR-0002", Northwind, EngagementType.Integration, new EngagementTerms(52000m, "EUR", today.AddDays(-60), today.AddDays(120), null, null));
        Move(integration, now, EngagementStatus.Evaluating, EngagementStatus.Contracted, EngagementStatus.Active);
        foreach (var requirement in integration.Requirements.Take(3))
        {
            integration.RecordAcknowledgement(requirement.Id, "Piotr Nowak, Northwind", OwnerOf("ELR-0002"), now.AddDays(-10));
        }

        var courses = Engage("ELR-0002", Coursecraft, EngagementType.CourseDevelopment, new EngagementTerms(41000m, "EUR", today.AddDays(-45), today.AddDays(90), null, null));
        Move(courses, now, EngagementStatus.Evaluating, EngagementStatus.Contracted, EngagementStatus.Active);
        courses.SubmitDeliverable(DeliverableStage.Storyboard, "Storyboard v1 on the shared drive", OwnerOf("ELR-0002"), now.AddDays(-25));
        courses.RejectDeliverable(DeliverableStage.Storyboard, "Module 2 still shows the old lockout procedure.", OwnerOf("ELR-0002"), now.AddDays(-22));
        courses.SubmitDeliverable(DeliverableStage.Storyboard, "Storyboard v2", OwnerOf("ELR-0002"), now.AddDays(-18));
        courses.SignOffDeliverable(DeliverableStage.Storyboard, OwnerOf("ELR-0002"), now.AddDays(-16));
        courses.SubmitDeliverable(DeliverableStage.Alpha, "Alpha build in the LMS test tenant", OwnerOf("ELR-0002"), now.AddDays(-2));

        // Cybersecurity awareness, at go-live: platform active, support contracted.
        Move(Engage("ELR-0005", Skyline, EngagementType.LmsPlatform, year), now,
            EngagementStatus.Evaluating, EngagementStatus.Contracted, EngagementStatus.Active);
        Move(Engage("ELR-0005", Helpdesk, EngagementType.Support, new EngagementTerms(9000m, "EUR", today, today.AddYears(1), 99.5m, 2)), now,
            EngagementStatus.Evaluating, EngagementStatus.Contracted);

        // Leadership programme, live: its courses delivered and the engagement completed; a support vendor let go.
        var delivered = Engage("ELR-0006", Coursecraft, EngagementType.CourseDevelopment, new EngagementTerms(30000m, "EUR", today.AddDays(-300), today.AddDays(-40), null, null));
        Move(delivered, now, EngagementStatus.Evaluating, EngagementStatus.Contracted, EngagementStatus.Active);
        foreach (var stage in Enum.GetValues<DeliverableStage>())
        {
            delivered.SubmitDeliverable(stage, null, OwnerOf("ELR-0006"), now.AddDays(-200));
            delivered.SignOffDeliverable(stage, OwnerOf("ELR-0006"), now.AddDays(-190));
        }

        Move(delivered, now, EngagementStatus.Completed);
        Engage("ELR-0006", Helpdesk, EngagementType.Support, EngagementTerms.None)
            .Terminate("Replaced by the in-house service desk after the pilot.", now.AddDays(-100));

        db.AuditActor = AuditActor.System;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IEnumerable<Vendor> Vendors(string itLead, DateOnly today, DateTimeOffset now)
    {
        var coursecraft = new Vendor(Coursecraft, "Nina Holm", "nina.holm@coursecraft.example", "+44 20 7946 0001", itLead, now);
        coursecraft.RecordSecurityProfile(QuestionnaireKind.SigLite, QuestionnaireStatus.Reviewed, today.AddDays(-90), true, "EU (Dublin)");
        coursecraft.RecordCertification(CertificationKind.Soc2TypeII, today.AddDays(45));
        coursecraft.RecordCertification(CertificationKind.Iso27001, today.AddYears(2));

        var skyline = new Vendor(Skyline, "Marco Bianchi", "m.bianchi@skyline-lms.example", null, itLead, now);
        skyline.RecordSecurityProfile(QuestionnaireKind.Caiq, QuestionnaireStatus.Reviewed, today.AddDays(-60), true, "EU (Frankfurt)");
        skyline.RecordCertification(CertificationKind.Soc2TypeII, today.AddDays(300));
        skyline.RecordCertification(CertificationKind.Iso27001, today.AddDays(700));

        var northwind = new Vendor(Northwind, "Piotr Nowak", "piotr@northwind-integration.example", "+48 22 555 0100", itLead, now);
        northwind.RecordSecurityProfile(QuestionnaireKind.Own, QuestionnaireStatus.Sent, today.AddDays(-14), false, "United Kingdom");
        northwind.RecordCertification(CertificationKind.Iso27001, today.AddDays(-20));

        var helpdesk = new Vendor(Helpdesk, "Sam Lee", "sam.lee@helpdesk-partners.example", null, itLead, now);
        return [coursecraft, skyline, northwind, helpdesk];
    }

    private static void Move(VendorEngagement engagement, DateTimeOffset now, params EngagementStatus[] steps)
    {
        foreach (var step in steps)
        {
            engagement.MoveTo(step, now);
        }
    }
}
