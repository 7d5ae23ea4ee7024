using MonBureau.Domain.Common;
using MonBureau.Domain.Messaging;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Tests;

public class MessagingDecisionsTests
{
    // Tuesday 17 November 2026, 10:00 in Paris: outside quiet hours.
    private static readonly DateTimeOffset Now = new(2026, 11, 17, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid School = Guid.CreateVersion7();
    private static readonly Guid ClassA = Guid.CreateVersion7();
    private static readonly Guid ClassB = Guid.CreateVersion7();
    private static readonly MessagingContext Context = new(MessagingSettings.DefaultFor(School), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));

    private static readonly Person Teacher = TeacherOf(ClassA);
    private static readonly Person OtherTeacher = StaffOf(Role.Teacher);
    private static readonly Person Cpe = StaffOf(Role.SchoolLifeOffice);
    private static readonly Person OtherStudent = Enrolled(ClassB);
    private static readonly Person Pupil = Enrolled(ClassA);
    private static readonly Person Guardian = GuardianOf(Pupil.Id);
    private static readonly Person OtherGuardian = GuardianOf(OtherStudent.Id);

    private static readonly MessagingDirectory Directory = new(
        new[] { Teacher, OtherTeacher, Cpe, OtherStudent, Pupil, Guardian, OtherGuardian }.ToDictionary(p => p.Id),
        new Dictionary<Guid, IReadOnlyList<Guid>> { [Pupil.Id] = [ClassA], [OtherStudent.Id] = [ClassB] });

    private static Person NewPerson()
    {
        var id = Guid.CreateVersion7();
        return Person.Create(new PersonRegistered(id, PersonalData.Of(id, "Prénom"), PersonalData.Of(id, "Nom")));
    }

    private static Person Enrolled(Guid classId)
    {
        var p = NewPerson();
        return p.Apply(new StudentEnrolled(p.Id, School, classId));
    }

    private static Person StaffOf(Role role)
    {
        var p = NewPerson();
        p = role == Role.Teacher ? p.Apply(new TeacherAppointed(p.Id, School)) : p.Apply(new StaffAppointed(p.Id, School, role));
        return p;
    }

    private static Person TeacherOf(Guid classId)
    {
        var p = StaffOf(Role.Teacher);
        return p.Apply(new TeachingAssigned(p.Id, School, classId, "Mathématiques"));
    }

    private static Person GuardianOf(Guid studentId)
    {
        var p = NewPerson();
        return p.Apply(new GuardianshipEstablished(p.Id, studentId, School, new GuardianRights(true, true, true)));
    }

    private static IReadOnlyList<object> Send(Person from, Role role, SendMessage command, IReadOnlyDictionary<RecipientSelector, IReadOnlyList<Guid>>? audiences = null) =>
        MessagingDecisions.Send(Guid.CreateVersion7(), Guid.CreateVersion7(), command, new Sender(from, role, School), Directory,
            audiences ?? new Dictionary<RecipientSelector, IReadOnlyList<Guid>>(), Context, Now);

    private static SendMessage To(params Person[] people) =>
        new("Sortie au musée", "Bonjour, ...", [.. people.Select(p => new RecipientSelector(RecipientKind.Person, p.Id))]);

    private static string CodeOf(Action act) => Assert.Throws<BusinessRuleException>(act).Code;

    [Fact]
    public void Given_a_guardian_When_writing_to_their_childs_teacher_and_the_CPE_Then_both_receive_it_at_once()
    {
        var events = Send(Guardian, Role.Guardian, To(Teacher, Cpe));

        var posted = Assert.IsType<MessagePosted>(events[1]);
        Assert.Equal([Teacher.Id, Cpe.Id], posted.RecipientIds);
        Assert.IsType<MessageDelivered>(events[2]);
    }

    [Fact]
    public void Given_a_guardian_When_writing_to_a_teacher_who_does_not_teach_their_child_Then_it_is_refused() =>
        Assert.Equal(ErrorCodes.RecipientNotAllowed, CodeOf(() => Send(Guardian, Role.Guardian, To(OtherTeacher))));

    [Fact]
    public void Given_the_default_rules_When_a_guardian_writes_to_another_guardian_Then_it_is_refused_unless_the_school_allows_it()
    {
        Assert.Equal(ErrorCodes.RecipientNotAllowed, CodeOf(() => Send(Guardian, Role.Guardian, To(OtherGuardian))));

        var open = Context with { Settings = Context.Settings with { Rules = MessagingRules.Default with { GuardiansMayWriteToGuardians = true } } };
        var events = MessagingDecisions.Send(Guid.CreateVersion7(), Guid.CreateVersion7(), To(OtherGuardian), new Sender(Guardian, Role.Guardian, School),
            Directory, new Dictionary<RecipientSelector, IReadOnlyList<Guid>>(), open, Now);
        Assert.Equal([OtherGuardian.Id], Assert.IsType<MessagePosted>(events[1]).RecipientIds);
    }

    [Fact]
    public void Given_a_student_When_broadcasting_to_the_guardians_of_a_class_Then_it_is_refused()
    {
        var selector = new RecipientSelector(RecipientKind.GuardiansOfClass, ClassA);
        var command = new SendMessage("Fête", "Venez tous", [selector]);

        Assert.Equal(ErrorCodes.RecipientNotAllowed, CodeOf(() => Send(Pupil, Role.Student, command, new Dictionary<RecipientSelector, IReadOnlyList<Guid>> { [selector] = [Guardian.Id] })));
    }

    [Fact]
    public void Given_a_teacher_When_broadcasting_to_the_guardians_of_a_class_they_teach_Then_the_audience_receives_it_but_not_another_class()
    {
        var mine = new RecipientSelector(RecipientKind.GuardiansOfClass, ClassA);
        var theirs = new RecipientSelector(RecipientKind.GuardiansOfClass, ClassB);
        var audiences = new Dictionary<RecipientSelector, IReadOnlyList<Guid>> { [mine] = [Guardian.Id], [theirs] = [OtherGuardian.Id] };

        var events = Send(Teacher, Role.Teacher, new SendMessage("Réunion", "Jeudi 18h", [mine]), audiences);

        Assert.Equal([Guardian.Id], Assert.IsType<MessagePosted>(events[1]).RecipientIds);
        Assert.Equal(ErrorCodes.RecipientNotAllowed, CodeOf(() => Send(Teacher, Role.Teacher, new SendMessage("Réunion", "Jeudi 18h", [theirs]), audiences)));
    }

    [Fact]
    public void Given_a_confidential_message_When_addressed_to_a_class_Then_it_is_refused_as_invalid()
    {
        var selector = new RecipientSelector(RecipientKind.Class, ClassA);
        var command = new SendMessage("Santé", "…", [selector], Confidential: true);

        Assert.Equal(ErrorCodes.Validation, CodeOf(() => Send(Cpe, Role.SchoolLifeOffice, command, new Dictionary<RecipientSelector, IReadOnlyList<Guid>> { [selector] = [Pupil.Id] })));
    }

    [Fact]
    public void Given_a_teacher_When_marking_a_message_urgent_Then_it_is_forbidden_while_the_CPE_may() =>
        Assert.Equal(ErrorCodes.Forbidden, CodeOf(() => Send(Teacher, Role.Teacher, To(Guardian) with { Urgent = true })));

    [Fact]
    public void Given_a_message_written_on_Tuesday_evening_When_not_urgent_Then_it_is_held_until_Wednesday_7_00_and_urgent_goes_at_once()
    {
        var evening = new DateTimeOffset(2026, 11, 17, 20, 30, 0, TimeSpan.Zero); // 21:30 in Paris
        var held = MessagingDecisions.Send(Guid.CreateVersion7(), Guid.CreateVersion7(), To(Guardian), new Sender(Cpe, Role.SchoolLifeOffice, School),
            Directory, new Dictionary<RecipientSelector, IReadOnlyList<Guid>>(), Context, evening);
        var urgent = MessagingDecisions.Send(Guid.CreateVersion7(), Guid.CreateVersion7(), To(Guardian) with { Urgent = true }, new Sender(Cpe, Role.SchoolLifeOffice, School),
            Directory, new Dictionary<RecipientSelector, IReadOnlyList<Guid>>(), Context, evening);

        Assert.Equal(2, held.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 6, 0, 0, TimeSpan.Zero), Assert.IsType<MessagePosted>(held[1]).DeliverAt);
        Assert.IsType<MessageDelivered>(urgent[2]);
    }

    private static MessageThread ThreadFrom(IReadOnlyList<object> events) =>
        events.Skip(1).Aggregate(MessageThread.Create((ThreadStarted)events[0]), (t, e) => e switch
        {
            MessagePosted p => t.Apply(p),
            MessageDelivered d => t.Apply(d),
            MessageRead r => t.Apply(r),
            MessageRecalled r => t.Apply(r),
            _ => t,
        });

    [Fact]
    public void Given_a_delivered_message_nobody_read_When_the_author_recalls_it_within_the_window_Then_it_is_recalled_and_later_refused()
    {
        var events = Send(Teacher, Role.Teacher, To(Guardian));
        var thread = ThreadFrom(events);
        var messageId = ((MessagePosted)events[1]).MessageId;

        Assert.IsType<MessageRecalled>(MessagingDecisions.Recall(thread, messageId, Teacher.Id, Now.AddMinutes(10)));
        Assert.Equal(ErrorCodes.Conflict, CodeOf(() => MessagingDecisions.Recall(thread, messageId, Teacher.Id, Now.AddMinutes(16))));
        Assert.Equal(ErrorCodes.Forbidden, CodeOf(() => MessagingDecisions.Recall(thread, messageId, Guardian.Id, Now)));
    }

    [Fact]
    public void Given_a_message_already_read_When_the_author_recalls_it_Then_it_is_a_conflict()
    {
        var thread = ThreadFrom(Send(Teacher, Role.Teacher, To(Guardian)));
        var read = MessagingDecisions.MarkRead(thread, Guardian.Id, Now.AddMinutes(1));
        thread = read.Aggregate(thread, (t, r) => t.Apply(r));

        Assert.Single(read);
        Assert.Empty(MessagingDecisions.MarkRead(thread, Guardian.Id, Now.AddMinutes(2)));
        Assert.Equal(ErrorCodes.Conflict, CodeOf(() => MessagingDecisions.Recall(thread, thread.Messages[0].Id, Teacher.Id, Now.AddMinutes(3))));
    }

    [Fact]
    public void Given_a_broadcast_When_one_guardian_replies_Then_only_the_author_receives_it_and_the_author_answers_everyone()
    {
        var selector = new RecipientSelector(RecipientKind.GuardiansOfClass, ClassA);
        var events = MessagingDecisions.Send(Guid.CreateVersion7(), Guid.CreateVersion7(), new SendMessage("Réunion", "Jeudi", [selector]),
            new Sender(Cpe, Role.SchoolLifeOffice, School), Directory,
            new Dictionary<RecipientSelector, IReadOnlyList<Guid>> { [selector] = [Guardian.Id, OtherGuardian.Id] }, Context, Now);
        var thread = ThreadFrom(events);

        var reply = (MessagePosted)MessagingDecisions.Reply(Guid.CreateVersion7(), new ReplyToThread(thread.Id, "Présents"), thread, new Sender(Guardian, Role.Guardian, School), Context, Now)[0];
        var answer = (MessagePosted)MessagingDecisions.Reply(Guid.CreateVersion7(), new ReplyToThread(thread.Id, "Merci"), thread, new Sender(Cpe, Role.SchoolLifeOffice, School), Context, Now)[0];

        Assert.Equal([Cpe.Id], reply.RecipientIds);
        Assert.Equal([Guardian.Id, OtherGuardian.Id], answer.RecipientIds);
    }

    [Fact]
    public void Given_a_held_message_When_delivery_comes_early_or_twice_Then_it_is_delivered_once_at_its_time()
    {
        var evening = new DateTimeOffset(2026, 11, 17, 20, 30, 0, TimeSpan.Zero);
        var events = MessagingDecisions.Send(Guid.CreateVersion7(), Guid.CreateVersion7(), To(Guardian), new Sender(Cpe, Role.SchoolLifeOffice, School),
            Directory, new Dictionary<RecipientSelector, IReadOnlyList<Guid>>(), Context, evening);
        var thread = ThreadFrom(events);
        var message = thread.Messages[0];

        Assert.Empty(MessagingDecisions.Deliver(thread, message.Id, message.DeliverAt.AddSeconds(-1)));
        var delivered = Assert.Single(MessagingDecisions.Deliver(thread, message.Id, message.DeliverAt));
        Assert.Empty(MessagingDecisions.Deliver(thread.Apply((MessageDelivered)delivered), message.Id, message.DeliverAt.AddHours(1)));
        Assert.False(thread.IsParticipant(Guardian.Id));
    }
}
