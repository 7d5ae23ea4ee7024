using MonBureau.Domain.Common;
using MonBureau.Domain.Forums;

namespace MonBureau.Domain.Tests;

public class ForumDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid EstablishmentId = Guid.CreateVersion7();
    private static readonly Guid ClassId = Guid.CreateVersion7();
    private static readonly Guid OtherClassId = Guid.CreateVersion7();
    private static readonly ForumAudience OfClass = ForumAudience.OfUnit(ClassId);

    private static Visitor Teacher(params Guid[] teaches) => new(Guid.CreateVersion7(), Role.Teacher, EstablishmentId, teaches.ToHashSet());

    private static Visitor Student(Guid classId) => new(Guid.CreateVersion7(), Role.Student, EstablishmentId, new HashSet<Guid> { classId });

    private static Visitor Staff(Role role) => new(Guid.CreateVersion7(), role, EstablishmentId, new HashSet<Guid>());

    private static Forum ClassForum(ModerationMode moderation, Visitor opener) =>
        Forum.Create(ForumDecisions.Open(Guid.CreateVersion7(), new OpenForum(ForumScope.Class, ClassId, "Entraide maths", moderation), EstablishmentId, OfClass, opener, Now));

    private static ForumPost PostBy(Visitor author, Forum forum, PostStatus status = PostStatus.Published) =>
        ForumPost.Create(new PostWritten(Guid.CreateVersion7(), Guid.CreateVersion7(), forum.Id, EstablishmentId, author.PersonId, PersonalData.Of(author.PersonId, "Bonjour"), status, Now));

    private static ForumStanding Standing(Forum forum, Visitor visitor) => ForumStandings.Of(forum, OfClass, visitor);

    [Fact]
    public void Given_a_teacher_of_the_class_When_opening_a_forum_Then_they_moderate_it_and_the_class_students_are_members()
    {
        var teacher = Teacher(ClassId);

        var forum = ClassForum(ModerationMode.APriori, teacher);

        Assert.Equal(ForumStanding.Moderator, Standing(forum, teacher));
        Assert.Equal(ForumStanding.Member, Standing(forum, Student(ClassId)));
        Assert.Equal(ForumStanding.Moderator, Standing(forum, Staff(Role.Direction)));
    }

    [Fact]
    public void Given_a_class_forum_Then_other_classes_guardians_and_teachers_of_other_classes_are_not_in_it()
    {
        var forum = ClassForum(ModerationMode.APosteriori, Teacher(ClassId));

        Assert.Equal(ForumStanding.None, Standing(forum, Student(OtherClassId)));
        Assert.Equal(ForumStanding.None, Standing(forum, Teacher(OtherClassId)));
        Assert.Equal(ForumStanding.None, Standing(forum, Staff(Role.Guardian)));
        Assert.Equal(ForumStanding.None, Standing(forum, new Visitor(Guid.CreateVersion7(), Role.Direction, Guid.CreateVersion7(), new HashSet<Guid>())));
    }

    [Fact]
    public void Given_a_teacher_of_another_class_When_opening_a_forum_for_this_one_Then_it_is_not_found() =>
        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(() =>
            ForumDecisions.Open(Guid.CreateVersion7(), new OpenForum(ForumScope.Class, ClassId, "Entraide", ModerationMode.APriori), EstablishmentId, OfClass,
                Teacher(OtherClassId), Now)).Code);

    [Fact]
    public void Given_a_priori_moderation_When_a_student_starts_a_topic_Then_the_first_post_waits_sealed_under_them_but_a_teachers_does_not()
    {
        var teacher = Teacher(ClassId);
        var student = Student(ClassId);
        var forum = ClassForum(ModerationMode.APriori, teacher);

        var (topic, post) = ForumDecisions.Start(Guid.CreateVersion7(), Guid.CreateVersion7(), new StartTopic(forum.Id, "Exercice 12", "Je bloque à la question 2"),
            forum, Standing(forum, student), student.PersonId, Now);
        var (_, teachers) = ForumDecisions.Start(Guid.CreateVersion7(), Guid.CreateVersion7(), new StartTopic(forum.Id, "Consignes", "Lisez le chapitre 3"),
            forum, Standing(forum, teacher), teacher.PersonId, Now);

        Assert.Equal(PostStatus.Pending, post.Status);
        Assert.Equal(PersonalData.Of(student.PersonId, "Je bloque à la question 2"), post.Body);
        Assert.Equal(PersonalData.Of(student.PersonId, "Exercice 12"), topic.Title);
        Assert.Equal(PostStatus.Published, teachers.Status);
    }

    [Fact]
    public void Given_a_body_too_long_When_replying_Then_it_is_invalid()
    {
        var forum = ClassForum(ModerationMode.APosteriori, Teacher(ClassId));
        var student = Student(ClassId);
        var topic = new ForumTopic(Guid.CreateVersion7(), forum.Id, EstablishmentId, student.PersonId, false, Now);

        var refused = Assert.Throws<BusinessRuleException>(() => ForumDecisions.Reply(Guid.CreateVersion7(),
            new ReplyToTopic(topic.Id, new string('a', ForumDecisions.MaxBodyLength + 1)), topic, forum, Standing(forum, student), student.PersonId, Now));

        Assert.Equal(ErrorCodes.Validation, refused.Code);
        Assert.Equal("Body", refused.Field);
    }

    [Fact]
    public void Given_a_locked_topic_or_forum_When_replying_Then_it_is_refused_as_locked()
    {
        var forum = ClassForum(ModerationMode.APosteriori, Teacher(ClassId));
        var student = Student(ClassId);
        var topic = new ForumTopic(Guid.CreateVersion7(), forum.Id, EstablishmentId, student.PersonId, false, Now);
        var reply = new ReplyToTopic(topic.Id, "Merci !");

        var lockedTopic = Assert.Throws<BusinessRuleException>(() =>
            ForumDecisions.Reply(Guid.CreateVersion7(), reply, topic with { Locked = true }, forum, ForumStanding.Member, student.PersonId, Now));
        var lockedForum = Assert.Throws<BusinessRuleException>(() =>
            ForumDecisions.Reply(Guid.CreateVersion7(), reply, topic, forum with { Locked = true }, ForumStanding.Member, student.PersonId, Now));

        Assert.Equal(ErrorCodes.Locked, lockedTopic.Code);
        Assert.Equal(ErrorCodes.Locked, lockedForum.Code);
    }

    [Fact]
    public void Given_someone_outside_the_forum_When_replying_Then_the_topic_is_not_found()
    {
        var forum = ClassForum(ModerationMode.APosteriori, Teacher(ClassId));
        var topic = new ForumTopic(Guid.CreateVersion7(), forum.Id, EstablishmentId, Guid.CreateVersion7(), false, Now);

        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(() =>
            ForumDecisions.Reply(Guid.CreateVersion7(), new ReplyToTopic(topic.Id, "Coucou"), topic, forum, ForumStanding.None, Guid.CreateVersion7(), Now)).Code);
    }
}
