using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Glossary;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Gates;

/// <summary>Reads for the gate page and the IT review queue.</summary>
public sealed class GateQueries(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, TimeProvider clock, RolloutPeopleRules people,
    BudgetGateLink budgetLink, RefusalAudit refusals) : IUseCases
{
    /// <summary>Null when the gate does not exist.</summary>
    public async Task<GateDetails?> GetAsync(Guid gateId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var gate = await GateStore.Whole(db).AsNoTracking().SingleOrDefaultAsync(g => g.Id == gateId, cancellationToken);
        if (gate is null)
        {
            return null;
        }

        var rollout = await RolloutFacts.FindAsync(db, gate.RolloutId, cancellationToken);

        // Shown as the agreement stands now, in the owner's name (this detached copy is never saved; the next command stores it).
        await budgetLink.ApplyAsync(gate, rollout.TrainingOwnerId, clock.GetUtcNow(), cancellationToken);

        // Few per gate, and SQLite cannot ORDER BY a DateTimeOffset: sorted here.
        var comments = (await db.GateComments.AsNoTracking().Where(c => c.GateId == gateId).ToListAsync(cancellationToken)).OrderBy(c => c.At).ToList();
        var glossary = await db.GlossaryTerms.AsNoTracking().ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var standIns = await StandInRoster.OnAsync(db, today, cancellationToken);

        // Only the people this page names (not every account: SCIM may provision thousands), in one query.
        var named = new[] { gate.ReviewerId, rollout.TrainingOwnerId, rollout.ItLiaisonId, rollout.ExecutiveSponsorId, gate.EscalateToId }
            .Concat(gate.Checklist.Select(i => i.SetById))
            .Concat(gate.Rounds.SelectMany(r => new[] { r.SubmittedById, r.DecidedById }))
            .Concat(gate.Conditions.Select(c => c.OwnerId))
            .Concat(gate.Reviews.SelectMany(r => new[] { r.ReviewerId, r.DecidedById, standIns.For(r.ReviewerId) }))
            .Concat(comments.Select(c => c.AuthorId))
            .OfType<string>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => named.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToDictionaryAsync(u => u.Id, cancellationToken);
        string? Name(string? id) => id is null ? null : users.GetValueOrDefault(id)?.DisplayName ?? "(former user)";
        PersonChoice? Person(string? id) => id is null ? null : new PersonChoice(id, Name(id)!);

        var upcomingPolicy = await Templates.GateTemplateStore.PolicyOfAsync(db, gate.Kind, cancellationToken);
        var upcomingRole = GateApprovalPolicy.DecidingRoleUnder(gate.Kind, upcomingPolicy?.DecidingRole);
        var rolloutOpen = !rollout.IsFinal;
        var open = !gate.IsCleared && rolloutOpen;
        var trainingSide = RolloutAccess.CanEdit(actor, rollout.TrainingOwnerId) && open;
        var approval = gate.Approval;

        // The reasons are the refusals the commands would give, in the order the edit pipeline meets them: who may, a
        // closed rollout, then the gate's own guards.
        var closed = rollout.WhyClosed(GateCommands.Gate(gate.Id).ClosedPhrase);
        var fill = GateAccess.WhyMayNotFill(actor, rollout.TrainingOwnerId);
        var why = new GateRefusals(
            EditChecklist: fill ?? closed ?? gate.WhyChecklistLocked
                ?? (gate.AwaitsDecision ? "The checklist waits for the reviewer's decision; it can be edited again once the gate is decided." : null),
            Submit: fill ?? closed ?? gate.WhyNotSubmittable,
            Decide: GateAccess.WhyMayNotDecide(actor, gate) ?? closed ?? gate.WhyMayNotDecide(actor, standIns),
            Waive: GateAccess.WhyMayNotWaive(actor) ?? closed ?? gate.WhyMayNotWaive(actor),
            Comment: GateAccess.WhyMayNotComment(actor, rollout.TrainingOwnerId));
        var lastChange = await GateCommands.Gate(gate.Id).GuardFor(gate).LastChangeAsync(db, cancellationToken);

        return new GateDetails(
            gate.Id, rollout.Code, rollout.Title, gate.Kind, gate.GuardedPhase, gate.IsRequired, gate.State,
            Person(gate.ReviewerId), gate.DueDate, gate.IsOverdue(today), gate.Version,
            gate.Checklist.OrderBy(i => i.Order).Select(i => new ChecklistItemView(
                i.Id, i.Order, i.Text, i.IsRequired, i.State, i.Evidence, Name(i.SetById), i.SetAt,
                glossary.Where(t => t.AppearsIn(i.Text)).Select(t => new GlossaryEntry(t.Id, t.Term, t.Definition, t.Version)).ToList())).ToList(),
            gate.Rounds.OrderByDescending(r => r.Number).Select(r => new ReviewRoundView(
                r.Number, Name(r.SubmittedById), r.SubmittedAt, r.Decision, Name(r.DecidedById), r.DecidedAt, r.Rationale)).ToList(),
            gate.Conditions.OrderBy(c => c.DueDate).Select(c => new ConditionView(
                c.Id, c.RoundNumber, c.Text, Person(c.OwnerId)!, c.DueDate, c.MetAt, c.IsOverdue(today), !c.IsMet && c.OwnerId == actor.UserId && rolloutOpen)).ToList(),
            comments.Select(c => new CommentView(Name(c.AuthorId)!, c.At, c.Text)).ToList(),
            new GatePermissions(
                EditChecklist: trainingSide && !gate.AwaitsDecision,
                Submit: trainingSide && gate.MaySubmit,
                Decide: rolloutOpen && gate.MayDecide(actor, standIns),
                Waive: rolloutOpen && gate.MayWaive(actor),
                SignOff: rolloutOpen && approval.SignsOffRollout && gate.MayDecide(actor, standIns),
                Comment: GateAccess.CanComment(actor, rollout.TrainingOwnerId),
                OffersSubmit: trainingSide,
                OffersDecision: rolloutOpen && gate.AwaitsDecision && gate.HoldsDecidingRole(actor)),
            Person(await GateCommands.ActiveDefaultReviewerAsync(db, rollout, upcomingRole, cancellationToken)),
            // The reviewer is picked for the next submission, under the kind's current policy and its deciding role.
            await people.InRoleAsync(upcomingRole, cancellationToken),
            // A condition is met by its owner, never by the reviewer who sets it: the person reading is left out.
            (await people.InAnyRoleAsync([Roles.TrainingManager, Roles.ItLead, Roles.Executive], cancellationToken)).Where(p => p.Id != actor.UserId).ToList(),
            gate.DueDateIfSubmittedOn(
                today, upcomingPolicy?.DeadlineWorkingDays ?? WorkingDays.DefaultReviewDays,
                await WorkingDays.CalendarAsync(db, GateCommands.SentBackSince(gate, today), cancellationToken)),
            gate.Kind == GateKind.SecurityReview ? await Vendors.CertificationAlerts.ForRolloutAsync(db, gate.RolloutId, today, cancellationToken) : [],
            why,
            WhoActs(gate, rollout, upcomingRole, GateAccess.CanComment(actor, rollout.TrainingOwnerId), id => users.GetValueOrDefault(id) is { } p ? (p.DisplayName, p.Email) : null),
            lastChange,
            await ReviewingAsync(gate, actor, standIns, today, rolloutOpen, Person, cancellationToken),
            upcomingPolicy is null ? null : new UpcomingPolicy(
                upcomingPolicy.PolicyVersion, upcomingPolicy.Describe(approval), upcomingPolicy.Rule == ApprovalRule.AnyOneReviewer, upcomingPolicy.DeadlineWorkingDays,
                GateApprovalPolicy.DeciderNameOf(upcomingRole), GateApprovalPolicy.DefaultReviewerNameFor(upcomingRole)));
    }

    private async Task<GateReviewing?> ReviewingAsync(
        ClearanceGate gate, Actor actor, StandIns standIns, DateOnly today, bool rolloutOpen, Func<string?, PersonChoice?> person, CancellationToken cancellationToken)
    {
        if (gate.CurrentRound is not { } round || round.SubmittedById is null)
        {
            return null;
        }

        var approval = gate.Approval;
        // Stored rows come back in no particular order: by group, then by name, so every reader sees the same list.
        var reviews = gate.CurrentReviews.OrderBy(r => r.GroupName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => person(r.ReviewerId)?.DisplayName, StringComparer.OrdinalIgnoreCase).ToList();
        var settled = round.Decision is not null;
        var policy = gate.ApprovalRule switch
        {
            ApprovalRule.MOfNamedReviewers => $"{gate.RequiredApprovals} of {reviews.Count} named {gate.DeciderName}s",
            ApprovalRule.OneFromEachGroup => $"one {gate.DeciderName} from each of {string.Join(" and ", reviews.Select(r => r.GroupName).Distinct())}",
            _ => $"any one {gate.DeciderName}",
        };
        var views = reviews.Select(r =>
        {
            var holder = r.IsDecided ? null : gate.HolderOf(r, standIns);
            return new ReviewView(
                r.Id, person(r.ReviewerId), r.GroupName, r.DueDate, !r.IsDecided && !settled && r.DueDate < today,
                holder is not null && holder != r.ReviewerId ? person(holder) : null,
                r.Decision, person(r.DecidedById)?.DisplayName, r.DecidedForReviewer, r.DecidedAt, r.Rationale, !r.IsDecided && settled);
        }).ToList();
        var decidableFor = rolloutOpen && gate.AwaitsDecision && gate.ApprovalRule != ApprovalRule.AnyOneReviewer
            ? gate.ReviewsDecidableBy(actor, standIns).Select(r => person(r.ReviewerId)).OfType<PersonChoice>().ToList()
            : [];
        var reassign = rolloutOpen && gate.AwaitsDecision && GateAccess.WhyMayNotReassign(actor) is null
            ? await people.InRoleAsync(gate.DeciderRole, cancellationToken)
            : [];
        return new GateReviewing(policy, gate.PolicyVersion, views, decidableFor, reassign, gate.ApprovalRule != ApprovalRule.AnyOneReviewer);
    }

    /// <summary>
    /// Who acts on the gate, in the parts the access rules and the gate's approval policy give them: the training owner
    /// fills in and submits (<see cref="GateAccess.EnsureCanFill"/>), the policy's default reviewer is offered it, the
    /// assigned reviewer decides the round, and anyone in the deciding role may decide it. The deciding role is the one
    /// the awaited round was submitted under, else the one the next submission will be (<paramref name="upcomingRole"/>).
    /// </summary>
    private static GateWhoActs WhoActs(
        ClearanceGate gate, RolloutFacts rollout, string upcomingRole, bool mayComment, Func<string, (string Name, string? Email)?> person)
    {
        var role = gate.AwaitsDecision ? gate.DeciderRole : upcomingRole;
        var contacts = new List<GateContact>();
        void Add(string? id, string part, string acts)
        {
            if (id is not null && person(id) is { } p && contacts.All(c => c.DisplayName != p.Name || c.Part != part))
            {
                contacts.Add(new GateContact(part, p.Name, p.Email, acts));
            }
        }

        Add(rollout.TrainingOwnerId, "Training owner", "Fills in the checklist and submits the gate for review; an administrator can step in.");
        var defaultReviewer = GateApprovalPolicy.DefaultReviewerFor(role, rollout.ItLiaisonId, rollout.ExecutiveSponsorId);
        var defaultPart = GateApprovalPolicy.DefaultReviewerNameFor(role);
        Add(defaultReviewer, char.ToUpperInvariant(defaultPart[0]) + defaultPart[1..],
            "Is offered the gate for review by default when it is submitted.");
        if (gate.ReviewerId != defaultReviewer)
        {
            Add(gate.ReviewerId, "Reviewer", "Reviews and decides this round.");
        }

        var deciders = (gate.AwaitsDecision && gate.ApprovalRule != ApprovalRule.AnyOneReviewer
                ? "The reviewers named under Reviewers decide this round, each for themselves (or their stand-in while they are away), never the person who submitted it; "
                : $"Any {GateApprovalPolicy.DeciderNameOf(role)} may decide this gate once it is submitted, except the person who submitted it; ")
            + $"an {Roles.DisplayName(GateApprovalPolicy.WaivingRole).ToLowerInvariant()} may waive it.";
        var howToAsk = mayComment
            ? "To ask for a change, write a comment below (it stays on the gate's record) or e-mail the person whose part it is."
            : "To ask for a change, e-mail the person whose part it is.";
        return new GateWhoActs(contacts, deciders, howToAsk);
    }

    /// <summary>
    /// The review queue: IT gates awaiting a decision (the kinds <see cref="GateApprovalPolicy.ReviewQueueKinds"/> lists) by a
    /// role the reader holds (the role of the policy version each was submitted under; administrators see them all),
    /// counted on the round's pending reviews, one per reviewer: first the gates where the reader holds a pending review
    /// (their own, or one of a reviewer they stand in for today, marked "for" that reviewer), then those with a review
    /// nobody is assigned to, then colleagues', soonest due first. Paged in the database; the page's reviews are read
    /// in one more query and held by the gate's own rule (<see cref="ClearanceGate.HolderOf"/>).
    /// </summary>
    public async Task<Page<ReviewQueueRow>> ReviewQueueAsync(ReviewQueueQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        if (!GateApprovalPolicy.MayWorkReviewQueue(actor) && !actor.IsAdministrator)
        {
            throw await refusals.RefuseAsync(actor, GateApprovalPolicy.ReviewQueueRefusal, cancellationToken);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var standIns = await StandInRoster.OnAsync(db, today, cancellationToken);
        var me = actor.UserId;
        var heldFor = standIns.ReviewersHeldBy(me);
        var meAway = standIns.For(me) is not null;

        // The gates the reader's roles decide: by the role of the policy version each was submitted under, or by its kind's.
        var roles = GateApprovalPolicy.ReviewQueueRolesOf(actor);
        var kindsByDefault = GateApprovalPolicy.ReviewQueueKinds.Where(k => roles.Contains(GateApprovalPolicy.For(k).DecidingRole)).ToList();
        var gates = GateStore.Whole(db).AsNoTracking()
            .Where(g => GateStateRules.AwaitingDecision.Contains(g.State) && GateApprovalPolicy.ReviewQueueKinds.Contains(g.Kind)
                && (g.DecidingRole == null ? kindsByDefault.Contains(g.Kind) : roles.Contains(g.DecidingRole)));
        if (query.Kind is { } kind)
        {
            gates = gates.Where(g => g.Kind == kind);
        }

        // The round's reviews; a round submitted before reviews were recorded one by one has none and is the gate's reviewer's.
        var rows = from g in gates
                   join r in db.Rollouts on g.RolloutId equals r.Id
                   let round = g.Rounds.Max(x => (int?)x.Number)
                   let submitter = g.Rounds.Where(x => x.Number == round).Select(x => x.SubmittedById).FirstOrDefault()
                   let reviewsHere = g.Reviews.Any(v => v.RoundNumber == round && v.ReviewerId == me)
                   let oneByOne = g.Reviews.Any(v => v.RoundNumber == round)
                   select new
                   {
                       Gate = g,
                       r.Code,
                       r.Title,
                       Mine = oneByOne
                           ? g.Reviews.Any(v => v.RoundNumber == round && v.Decision == null
                               && ((v.ReviewerId == me && !meAway) || (!reviewsHere && submitter != me && heldFor.Contains(v.ReviewerId!))))
                           : g.ReviewerId == me,
                       Unassigned = oneByOne ? g.Reviews.Any(v => v.RoundNumber == round && v.Decision == null && v.ReviewerId == null) : g.ReviewerId == null,
                       Due = oneByOne ? g.Reviews.Where(v => v.RoundNumber == round && v.Decision == null).Min(v => v.DueDate) : g.DueDate,
                   };
        if (!string.IsNullOrWhiteSpace(query.Rollout))
        {
            var text = query.Rollout.Trim().ToLower();
            rows = rows.Where(x => x.Code.ToLower().Contains(text) || x.Title.ToLower().Contains(text));
        }

        var total = await rows.CountAsync(cancellationToken);
        var found = await rows
            .OrderBy(x => x.Mine ? 0 : x.Unassigned ? 1 : 2)
            .ThenBy(x => x.Due == null)
            .ThenBy(x => x.Due)
            .ThenBy(x => x.Code)
            .Skip(page.Skip).Take(page.SafeSize)
            .Select(x => new { x.Gate, x.Code, x.Title })
            .ToListAsync(cancellationToken);

        var people = found.SelectMany(x => x.Gate.CurrentReviews.Select(v => v.ReviewerId).Append(x.Gate.ReviewerId))
            .Concat(heldFor).Concat(found.SelectMany(x => x.Gate.CurrentReviews.Select(v => x.Gate.HolderOf(v, standIns))))
            .OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string Name(string id) => names.GetValueOrDefault(id, "(former user)");

        // Time left or overdue in working days, on the holiday calendar (read once for the page, from the earliest due date).
        var dueDates = found.SelectMany(x => x.Gate.CurrentReviews.Select(v => v.DueDate).Append(x.Gate.DueDate)).OfType<DateOnly>();
        var calendar = await WorkingDays.CalendarAsync(db, dueDates.Append(today).Min(), cancellationToken);

        var items = found.Select(x => QueueRow(x.Gate, x.Code, x.Title, me, standIns, today, calendar, Name)).ToList();
        return new Page<ReviewQueueRow>(items, total);
    }

    private static ReviewQueueRow QueueRow(
        ClearanceGate gate, string code, string title, string me, StandIns standIns, DateOnly today, Domain.Calendar.WorkingCalendar calendar, Func<string, string> name)
    {
        var pending = gate.CurrentReviews.Count == 0
            ? [new ReviewQueueReview(gate.ReviewerId is { } id ? name(id) : null, null, gate.ReviewerId == me, false, gate.DueDate, Clock(gate.DueDate))]
            : gate.CurrentReviews.Where(v => !v.IsDecided).Select(v =>
            {
                var holder = gate.HolderOf(v, standIns);
                var standIn = holder is not null && holder != v.ReviewerId ? holder : null;
                return new ReviewQueueReview(
                    v.ReviewerId is { } reviewer ? name(reviewer) : null, standIn is null ? null : name(standIn),
                    (holder ?? v.ReviewerId) == me, standIn == me, v.DueDate, Clock(v.DueDate));
            }).OrderByDescending(v => v.IsMine).ThenBy(v => v.DueDate is null).ThenBy(v => v.DueDate).ThenBy(v => v.Reviewer, StringComparer.CurrentCulture).ToList();

        // The row reads as the reader's own review when they hold one, otherwise as the soonest due.
        var lead = pending.FirstOrDefault();
        var reviewers = pending.Where(v => v.Reviewer is not null).Select(v => v.StandIn is { } s ? $"{s} for {v.Reviewer}" : v.Reviewer!).ToList();
        return new ReviewQueueRow(
            gate.Id, code, title, gate.Kind, gate.State, reviewers.Count == 0 ? null : string.Join(", ", reviewers), lead?.IsMine == true,
            lead?.DueDate, lead?.Clock?.IsOverdue == true)
        {
            Clock = lead?.Clock,
            ForReviewer = lead is { IsMine: true, ForStandIn: true } ? lead.Reviewer : null,
            Pending = pending,
        };

        Domain.Calendar.ReviewClock? Clock(DateOnly? due) => due is { } d ? calendar.Clock(today, d) : null;
    }
}
