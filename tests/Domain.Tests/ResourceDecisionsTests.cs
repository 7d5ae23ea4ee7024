using MonBureau.Domain.Common;
using MonBureau.Domain.People;
using MonBureau.Domain.Resources;

namespace MonBureau.Domain.Tests;

public class ResourceDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid EstablishmentId = Guid.CreateVersion7();

    private static Person Teacher()
    {
        var id = Guid.CreateVersion7();
        return Person.Create(new PersonRegistered(id, PersonalData.Of(id, "Claire"), PersonalData.Of(id, "Muller"))).Apply(new TeacherAppointed(id, EstablishmentId));
    }

    private static PublishResource Command(string title = "Équations du second degré", string[]? tags = null, ResourceSharing sharing = ResourceSharing.SubjectTeam) =>
        new(title, " Mathématiques ", "1re", tags ?? ["discriminant", "Discriminant", " polynôme "], "Résoudre ax² + bx + c = 0.", [], sharing);

    [Fact]
    public void Given_a_teacher_When_publishing_Then_text_is_trimmed_and_tags_are_deduplicated_ignoring_case()
    {
        var teacher = Teacher();

        var published = ResourceDecisions.Publish(Guid.CreateVersion7(), Command(), teacher, EstablishmentId, Now);

        Assert.Equal("Mathématiques", published.Content.Subject);
        Assert.Equal(["discriminant", "polynôme"], published.Content.Tags);
        Assert.Equal(teacher.Id, published.AuthorId);
        Assert.Equal(ResourceSharing.SubjectTeam, published.Content.Sharing);
    }

    [Fact]
    public void Given_someone_who_does_not_teach_in_the_establishment_When_publishing_Then_it_is_forbidden() =>
        Assert.Equal(ErrorCodes.Forbidden, Assert.Throws<BusinessRuleException>(() =>
            ResourceDecisions.Publish(Guid.CreateVersion7(), Command(), Teacher(), Guid.CreateVersion7(), Now)).Code);

    [Fact]
    public void Given_too_many_tags_or_no_title_When_publishing_Then_it_is_invalid()
    {
        var teacher = Teacher();
        string[] tags = [.. Enumerable.Range(0, 21).Select(i => $"tag{i}")];

        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(() => ResourceDecisions.Publish(Guid.CreateVersion7(), Command(tags: tags), teacher, EstablishmentId, Now)).Code);
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(() => ResourceDecisions.Publish(Guid.CreateVersion7(), Command(title: ""), teacher, EstablishmentId, Now)).Code);
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(() => ResourceDecisions.Publish(Guid.CreateVersion7(), Command(sharing: (ResourceSharing)9), teacher, EstablishmentId, Now)).Code);
    }

    [Fact]
    public void Given_an_archived_resource_When_its_author_revises_or_archives_it_again_Then_it_conflicts()
    {
        var teacher = Teacher();
        var published = ResourceDecisions.Publish(Guid.CreateVersion7(), Command(), teacher, EstablishmentId, Now);
        var resource = Resource.Create(published);
        var archived = resource.Apply(ResourceDecisions.Archive(resource, teacher.Id, Role.Teacher, EstablishmentId, Now));
        var revision = new ReviseResource(resource.Id, "Titre", "Maths", null, null, "Corps", null, ResourceSharing.Teacher);

        Assert.Equal(ErrorCodes.Conflict, Assert.Throws<BusinessRuleException>(() => ResourceDecisions.Revise(revision, archived, teacher.Id, Now)).Code);
        Assert.Equal(ErrorCodes.Conflict, Assert.Throws<BusinessRuleException>(() => ResourceDecisions.Archive(archived, teacher.Id, Role.Teacher, EstablishmentId, Now)).Code);
    }

    [Fact]
    public void Given_someone_elses_resource_When_a_teacher_archives_it_Then_it_is_not_found_but_direction_may()
    {
        var resource = Resource.Create(ResourceDecisions.Publish(Guid.CreateVersion7(), Command(), Teacher(), EstablishmentId, Now));
        var colleague = Guid.CreateVersion7();

        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(() => ResourceDecisions.Archive(resource, colleague, Role.Teacher, EstablishmentId, Now)).Code);
        Assert.Equal(resource.Id, ResourceDecisions.Archive(resource, Guid.CreateVersion7(), Role.Direction, EstablishmentId, Now).ResourceId);
    }
}
