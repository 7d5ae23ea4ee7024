using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.Identity;
using MonBureau.Domain.People;

namespace MonBureau.Application.WriteModels;

// The domain's states evolve themselves (Create/Apply) but know nothing of Marten, whose dispatch is source-generated
// in the assembly that declares the projection; these thin projections put that generated code here instead.

public partial class EstablishmentState : SingleStreamProjection<Establishment, Guid>
{
    public static Establishment Create(EstablishmentOpened e) => Establishment.Create(e);

    public Establishment Apply(Domain.Privacy.RetentionOverridden e, Establishment establishment) => establishment.Apply(e);
}

public partial class SchoolClassState : SingleStreamProjection<SchoolClass, Guid>
{
    public static SchoolClass Create(ClassCreated e) => SchoolClass.Create(e);
}

public partial class PersonState : SingleStreamProjection<Person, Guid>
{
    public static Person Create(PersonRegistered e) => Person.Create(e);

    public Person Apply(StudentEnrolled e, Person person) => person.Apply(e);

    public Person Apply(TeacherAppointed e, Person person) => person.Apply(e);

    public Person Apply(StaffAppointed e, Person person) => person.Apply(e);

    public Person Apply(RegionAdministratorAppointed e, Person person) => person.Apply(e);

    public Person Apply(GuardianshipEstablished e, Person person) => person.Apply(e);

    public Person Apply(TeachingAssigned e, Person person) => person.Apply(e);

    public Person Apply(StudentChangedClass e, Person person) => person.Apply(e);

    public Person Apply(StudentLeftEstablishment e, Person person) => person.Apply(e);

    public Person Apply(GuardianshipEnded e, Person person) => person.Apply(e);

    public Person Apply(TeachingWithdrawn e, Person person) => person.Apply(e);
}

public partial class SchoolGroupState : SingleStreamProjection<SchoolGroup, Guid>
{
    public static SchoolGroup Create(GroupCreated e) => SchoolGroup.Create(e);

    public SchoolGroup Apply(StudentJoinedGroup e, SchoolGroup group) => group.Apply(e);

    public SchoolGroup Apply(StudentLeftGroup e, SchoolGroup group) => group.Apply(e);
}

public partial class AccountState : SingleStreamProjection<Account, Guid>
{
    public static Account Create(AccountOpened e) => Account.Create(e);

    public Account Apply(AccountActivated e, Account account) => account.Apply(e);

    public Account Apply(SecondFactorEnabled e, Account account) => account.Apply(e);

    public Account Apply(PasswordResetByStaff e, Account account) => account.Apply(e);

    public Account Apply(SignInSucceeded e, Account account) => account.Apply(e);

    public Account Apply(SignInFailed e, Account account) => account.Apply(e);

    public Account Apply(AccountLockedOut e, Account account) => account.Apply(e);

    public Account Apply(AccountClosed e, Account account) => account.Apply(e);

    public Account Apply(Domain.Privacy.DataSubjectForgotten e, Account account) => account.Apply(e);
}

public partial class HomeworkState : SingleStreamProjection<Domain.Homework.Homework, Guid>
{
    public static Domain.Homework.Homework Create(Domain.Homework.HomeworkAssigned e) => Domain.Homework.Homework.Create(e);

    public static Domain.Homework.Homework Apply(Domain.Homework.HomeworkEdited e, Domain.Homework.Homework homework) => homework.Apply(e);

    public bool ShouldDelete(Domain.Homework.HomeworkPurged e) => true;
}

public static class WriteModelsSetup
{
    /// <summary>Inline, so a command always decides on the state its predecessor left.</summary>
    public static void AddWriteModels(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<EstablishmentState>(ProjectionLifecycle.Inline);
        options.Projections.Add<SchoolClassState>(ProjectionLifecycle.Inline);
        options.Projections.Add<PersonState>(ProjectionLifecycle.Inline);
        options.Projections.Add<HomeworkState>(ProjectionLifecycle.Inline);
        options.Projections.Add<AccountState>(ProjectionLifecycle.Inline);
        options.Projections.Add<SchoolGroupState>(ProjectionLifecycle.Inline);
        options.AddAgendaWriteModels();
        options.Schema.For<Account>().Identity(x => x.PersonId);
        options.AddMessagingWriteModels();
        options.AddNotificationWriteModels();
        options.AddTeachingWriteModels();
        options.AddDisciplineWriteModels();
        options.AddAttendanceWriteModels();
        options.AddGradesWriteModels();
        options.AddStatusWriteModels();
        options.AddPortalWriteModels();
        options.AddVirtualClassWriteModels();
        options.AddForumWriteModels();
        options.AddWorkspaceWriteModels();
        options.AddPortfolioWriteModels();
        options.AddHomeWriteModels();
    }
}
