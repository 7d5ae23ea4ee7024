using System.Text.Json.Nodes;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(MessagingHost.Name)]
public class MessagingTests(MessagingAppFactory app)
{
    internal const string Send = "mutation($i: SendMessageInput!) { sendMessage(input: $i) { messageThread { id messages { id status deliveredAt } } userErrors { code message } } }";
    internal const string Inbox = "{ inbox { nodes { id subject unreadCount messages { id body authorName status readAt } } } }";
    private const string Reply = "mutation($i: ReplyToThreadInput!) { replyToThread(input: $i) { messageThread { id } userErrors { code message } } }";
    private const string Receipts = "query($t: ID!) { thread(id: $t) { messages { receipts { recipientId recipientName readAt } recallableUntil } } }";

    internal static object To(Guid personId, string subject = "Sortie au musée", string body = "Bonjour, pouvez-vous me rappeler ?") =>
        new { i = new { subject, body, recipients = new[] { new { kind = "PERSON", id = personId } } } };

    private static JsonArray InboxOf(JsonNode response) => response["inbox"]!["nodes"]!.AsArray();

    [Fact]
    public async Task A_guardian_writes_to_the_childs_teacher_who_reads_and_replies_and_the_guardian_sees_the_receipt_and_the_answer()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);
        var guardian = app.Client(family.GuardianToken);
        var teacher = app.Client(family.School.TeacherToken);

        var threadId = (await guardian.SendAsync(Send, To(family.School.TeacherId))).Ok()["sendMessage"]!["messageThread"]!["id"]!.GetValue<string>();

        var received = Assert.Single(InboxOf((await teacher.SendAsync(Inbox)).Ok()))!;
        Assert.Equal("Sortie au musée", received["subject"]!.GetValue<string>());
        Assert.Equal(1, received["unreadCount"]!.GetValue<int>());
        Assert.Equal("Sophie Schneider", received["messages"]![0]!["authorName"]!.GetValue<string>());
        Assert.Equal(1, (await teacher.SendAsync("{ unreadMessageCount }")).Ok()["unreadMessageCount"]!.GetValue<int>());

        (await teacher.SendAsync("mutation($t: ID!) { markThreadRead(threadId: $t) { messageThread { id } userErrors { code message } } }", new { t = threadId })).Ok();
        (await teacher.SendAsync(Reply, new { i = new { threadId, body = "Bien sûr, demain 17h." } })).Ok();

        Assert.Equal(0, (await teacher.SendAsync("{ unreadMessageCount }")).Ok()["unreadMessageCount"]!.GetValue<int>());
        var receipt = (await guardian.SendAsync(Receipts, new { t = threadId })).Ok()["thread"]!["messages"]![0]!["receipts"]![0]!;
        Assert.Equal("Claire Muller", receipt["recipientName"]!.GetValue<string>());
        Assert.Equal(app.Clock.GetUtcNow(), receipt["readAt"]!.GetValue<DateTimeOffset>());
        var conversation = Assert.Single(InboxOf((await guardian.SendAsync(Inbox)).Ok()))!;
        Assert.Equal(1, conversation["unreadCount"]!.GetValue<int>());
        Assert.Equal("Bien sûr, demain 17h.", conversation["messages"]![1]!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_guardian_cannot_write_to_a_teacher_who_does_not_teach_their_child_and_nothing_is_sent()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);

        var response = await app.Client(family.GuardianToken).SendAsync(Send, To(family.OtherTeacherId));

        Assert.Equal("RECIPIENT_NOT_ALLOWED", response.FirstErrorCode);
        Assert.Empty(InboxOf((await app.Client(family.OtherTeacherToken).SendAsync(Inbox)).Ok()));
        Assert.Empty(InboxOf((await app.Client(family.GuardianToken).SendAsync(Inbox)).Ok()));
    }

    [Fact]
    public async Task A_student_cannot_broadcast_to_the_guardians_of_the_class_but_the_teacher_of_the_class_can()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);
        var broadcast = new { i = new { subject = "Réunion", body = "Jeudi 18h en salle B12.", recipients = new[] { new { kind = "GUARDIANS_OF_CLASS", id = family.School.ClassId } } } };

        Assert.Equal("RECIPIENT_NOT_ALLOWED", (await app.Client(family.School.StudentToken).SendAsync(Send, broadcast)).FirstErrorCode);
        Assert.Equal("RECIPIENT_NOT_ALLOWED", (await app.Client(family.OtherTeacherToken).SendAsync(Send, broadcast)).FirstErrorCode);
        (await app.Client(family.School.TeacherToken).SendAsync(Send, broadcast)).Ok();

        Assert.Single(InboxOf((await app.Client(family.GuardianToken).SendAsync(Inbox)).Ok()));
        Assert.Empty(InboxOf((await app.Client(family.OtherGuardianToken).SendAsync(Inbox)).Ok()));
    }

    [Fact]
    public async Task The_head_of_school_can_let_guardians_write_to_each_other_and_a_teacher_cannot_change_the_rules()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);
        var guardian = app.Client(family.GuardianToken);
        Assert.Equal("RECIPIENT_NOT_ALLOWED", (await guardian.SendAsync(Send, To(family.OtherGuardianId))).FirstErrorCode);
        const string SetRules = "mutation($i: MessagingRulesInput!) { setMessagingRules(input: $i) { messagingSettings { rules { guardiansMayWriteToGuardians } } userErrors { code message } } }";
        var open = new
        {
            i = new
            {
                establishmentId = family.School.EstablishmentId, studentsMayWriteToTheirTeachers = true, studentsMayWriteToStudents = false,
                guardiansMayWriteToTheirChildrensTeachers = true, guardiansMayWriteToGuardians = true, teachersMayBroadcastToTheirClasses = true,
            },
        };

        Assert.Equal("FORBIDDEN", (await app.Client(family.School.TeacherToken).SendAsync(SetRules, open)).FirstErrorCode);
        Assert.True((await app.Client(family.DirectionToken).SendAsync(SetRules, open)).Ok()["setMessagingRules"]!["messagingSettings"]!["rules"]!["guardiansMayWriteToGuardians"]!.GetValue<bool>());

        (await guardian.SendAsync(Send, To(family.OtherGuardianId))).Ok();
        Assert.Single(InboxOf((await app.Client(family.OtherGuardianToken).SendAsync(Inbox)).Ok()));
    }

    [Fact]
    public async Task A_message_recalled_before_anyone_reads_it_disappears_from_the_inbox_but_a_read_one_cannot_be_recalled()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);
        var teacher = app.Client(family.School.TeacherToken);
        var guardian = app.Client(family.GuardianToken);
        const string Recall = "mutation($t: ID!, $m: ID!) { recallMessage(threadId: $t, messageId: $m) { messageThread { messages { status } } userErrors { code message } } }";

        var first = (await teacher.SendAsync(Send, To(family.GuardianId, "Erreur"))).Ok()["sendMessage"]!["messageThread"]!;
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var recalled = (await teacher.SendAsync(Recall, new { t = first["id"]!.GetValue<string>(), m = first["messages"]![0]!["id"]!.GetValue<string>() })).Ok();
        Assert.Equal("RECALLED", recalled["recallMessage"]!["messageThread"]!["messages"]![0]!["status"]!.GetValue<string>());
        Assert.Empty(InboxOf((await guardian.SendAsync(Inbox)).Ok()));

        var second = (await teacher.SendAsync(Send, To(family.GuardianId, "Bonne version"))).Ok()["sendMessage"]!["messageThread"]!;
        var threadId = second["id"]!.GetValue<string>();
        (await guardian.SendAsync("mutation($t: ID!) { markThreadRead(threadId: $t) { messageThread { id } userErrors { code message } } }", new { t = threadId })).Ok();
        var refused = await teacher.SendAsync(Recall, new { t = threadId, m = second["messages"]![0]!["id"]!.GetValue<string>() });
        Assert.Equal("CONFLICT", refused.FirstErrorCode);
        Assert.Single(InboxOf((await guardian.SendAsync(Inbox)).Ok()));
    }

    [Fact]
    public async Task A_confidential_message_reaches_only_the_named_recipient_and_each_reading_is_in_the_access_history()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);
        var cpe = app.Client(family.CpeToken);
        var confidential = new
        {
            i = new
            {
                subject = "Suivi infirmerie", body = "Votre enfant a été vu à l'infirmerie.", confidential = true, concernsStudentId = family.School.StudentId,
                recipients = new[] { new { kind = "PERSON", id = family.GuardianId } },
            },
        };
        var toClass = new { i = new { subject = "Santé", body = "…", confidential = true, recipients = new[] { new { kind = "CLASS", id = family.School.ClassId } } } };

        Assert.Equal("VALIDATION", (await cpe.SendAsync(Send, toClass)).FirstErrorCode);
        var threadId = (await cpe.SendAsync(Send, confidential)).Ok()["sendMessage"]!["messageThread"]!["id"]!.GetValue<string>();
        (await app.Client(family.GuardianToken).SendAsync("query($t: ID!) { thread(id: $t) { messages { body } } }", new { t = threadId })).Ok();

        Assert.Equal("NOT_FOUND", (await app.Client(family.School.TeacherToken).SendAsync("query($t: ID!) { thread(id: $t) { id } }", new { t = threadId })).FirstErrorCode);
        var officer = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, family.School.EstablishmentId)));
        var history = (await officer.SendAsync(
            "query($s: ID!) { accessHistory(subjectId: $s) { nodes { actorId category } } }", new { s = family.School.StudentId })).Ok()["accessHistory"]!["nodes"]!.AsArray();
        Assert.Contains(history, n => n!["actorId"]!.GetValue<string>() == family.GuardianId.ToString() && n["category"]!.GetValue<string>() == "MESSAGES");
    }

    [Fact]
    public async Task Deleting_a_conversation_removes_it_for_oneself_only_and_a_new_message_brings_it_back()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);
        var teacher = app.Client(family.School.TeacherToken);
        var guardian = app.Client(family.GuardianToken);
        var threadId = (await teacher.SendAsync(Send, To(family.GuardianId))).Ok()["sendMessage"]!["messageThread"]!["id"]!.GetValue<string>();

        (await guardian.SendAsync("mutation($t: ID!) { deleteThreadForMe(threadId: $t) { done userErrors { code message } } }", new { t = threadId })).Ok();
        Assert.Empty(InboxOf((await guardian.SendAsync(Inbox)).Ok()));
        Assert.Single(InboxOf((await teacher.SendAsync(Inbox)).Ok()));

        (await teacher.SendAsync(Reply, new { i = new { threadId, body = "Petit rappel." } })).Ok();
        Assert.Single(InboxOf((await guardian.SendAsync(Inbox)).Ok()));
    }

    [Fact]
    public async Task Archiving_moves_a_conversation_to_the_archive_list()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);
        var guardian = app.Client(family.GuardianToken);
        var threadId = (await app.Client(family.School.TeacherToken).SendAsync(Send, To(family.GuardianId))).Ok()["sendMessage"]!["messageThread"]!["id"]!.GetValue<string>();

        (await guardian.SendAsync("mutation($t: ID!) { archiveThread(threadId: $t) { messageThread { archived } userErrors { code message } } }", new { t = threadId })).Ok();

        Assert.Empty(InboxOf((await guardian.SendAsync(Inbox)).Ok()));
        Assert.Single((await guardian.SendAsync("{ inbox(archived: true) { nodes { id archived } } }")).Ok()["inbox"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task Someone_outside_a_conversation_can_neither_read_nor_reply_to_it()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);
        var threadId = (await app.Client(family.School.TeacherToken).SendAsync(Send, To(family.GuardianId))).Ok()["sendMessage"]!["messageThread"]!["id"]!.GetValue<string>();
        var outsider = app.Client(family.OtherGuardianToken);

        Assert.Equal("NOT_FOUND", (await outsider.SendAsync("query($t: ID!) { thread(id: $t) { id } }", new { t = threadId })).FirstErrorCode);
        Assert.Equal("NOT_FOUND", (await outsider.SendAsync(Reply, new { i = new { threadId, body = "Moi aussi" } })).FirstErrorCode);
        Assert.Equal("VALIDATION", (await app.Client(family.GuardianToken).SendAsync(Reply, new { i = new { threadId, body = "  " } })).FirstErrorCode);
    }

    [Fact]
    public async Task A_teacher_answering_a_family_the_next_morning_is_counted_only_for_open_hours()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 19);
        var family = await FamilyScenario.CreateAsync(app);
        var threadId = (await app.Client(family.GuardianToken).SendAsync(Send, To(family.School.TeacherId))).Ok()["sendMessage"]!["messageThread"]!["id"]!.GetValue<string>();

        app.MoveToNext(DayOfWeek.Wednesday, 8);
        (await app.Client(family.School.TeacherToken).SendAsync(Reply, new { i = new { threadId, body = "Bonjour, oui bien sûr." } })).Ok();

        var reply = Assert.Single((await app.Client(family.GuardianToken).SendAsync(
            "query($t: ID!) { thread(id: $t) { firstReplies { teacherId workingDelayMinutes } } }", new { t = threadId })).Ok()["thread"]!["firstReplies"]!.AsArray())!;
        Assert.Equal(family.School.TeacherId.ToString(), reply["teacherId"]!.GetValue<string>());
        Assert.Equal(120, reply["workingDelayMinutes"]!.GetValue<int>()); // 19:00–20:00 on Tuesday, 07:00–08:00 on Wednesday
    }

    [Fact]
    public async Task A_guardian_attaches_a_medical_certificate_that_the_teacher_opens_and_another_family_cannot()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);
        var pdf = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n% certificat\n1 0 obj\n<<>>\nendobj\n"));
        var withFile = new
        {
            i = new
            {
                subject = "Absence de Léa", body = "Ci-joint le certificat.", recipients = new[] { new { kind = "PERSON", id = family.School.TeacherId } },
                attachments = new[] { new { name = "certificat.pdf", contentType = "application/pdf", contentBase64 = pdf } },
            },
        };
        const string Open = "query($f: ID!) { file(fileId: $f) { name contentType contentBase64 } }";

        var threadId = (await app.Client(family.GuardianToken).SendAsync(Send, withFile)).Ok()["sendMessage"]!["messageThread"]!["id"]!.GetValue<string>();
        var attachment = (await app.Client(family.School.TeacherToken).SendAsync("query($t: ID!) { thread(id: $t) { messages { attachments { fileId name } } } }", new { t = threadId }))
            .Ok()["thread"]!["messages"]![0]!["attachments"]![0]!;
        var fileId = attachment["fileId"]!.GetValue<string>();

        var opened = (await app.Client(family.School.TeacherToken).SendAsync(Open, new { f = fileId })).Ok()["file"]!;
        Assert.Equal("certificat.pdf", opened["name"]!.GetValue<string>());
        Assert.Equal(pdf, opened["contentBase64"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", (await app.Client(family.OtherGuardianToken).SendAsync(Open, new { f = fileId })).FirstErrorCode);
    }

    [Fact]
    public async Task A_file_that_is_not_what_it_claims_is_refused_and_nothing_is_sent()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);
        var disguised = new
        {
            i = new
            {
                subject = "Devoir", body = "Voici.", recipients = new[] { new { kind = "PERSON", id = family.School.TeacherId } },
                attachments = new[] { new { name = "devoir.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String([0x4d, 0x5a, 0x90, 0x00]) } },
            },
        };

        Assert.Equal("VALIDATION", (await app.Client(family.GuardianToken).SendAsync(Send, disguised)).FirstErrorCode);
        Assert.Empty(InboxOf((await app.Client(family.School.TeacherToken).SendAsync(Inbox)).Ok()));
    }

    [Fact]
    public async Task Staff_reuse_message_templates_a_teacher_keeps_their_own_and_the_CPE_shares_the_establishment_s()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);
        const string Create = "mutation($i: CreateMessageTemplateInput!) { createMessageTemplate(input: $i) { messageTemplate { id forEstablishment } userErrors { code message } } }";
        const string Templates = "{ messageTemplates { nodes { name subject forEstablishment } } }";
        var teacher = app.Client(family.School.TeacherToken);

        (await app.Client(family.CpeToken).SendAsync(Create, new { i = new { name = "Convocation", subject = "Convocation à la vie scolaire", body = "Merci de passer…", forEstablishment = true } })).Ok();
        var own = (await teacher.SendAsync(Create, new { i = new { name = "Rappel sortie", subject = "Sortie de jeudi", body = "Pensez au pique-nique.", forEstablishment = false } })).Ok();
        Assert.Equal("VALIDATION", (await teacher.SendAsync(Create, new { i = new { name = "X", subject = "Y", body = "Z", forEstablishment = true } })).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await app.Client(family.GuardianToken).SendAsync(Templates)).FirstErrorCode);

        var mine = (await teacher.SendAsync(Templates)).Ok()["messageTemplates"]!["nodes"]!.AsArray();
        Assert.Equal(["Convocation", "Rappel sortie"], mine.Select(t => t!["name"]!.GetValue<string>()));
        Assert.Single((await app.Client(family.OtherTeacherToken).SendAsync(Templates)).Ok()["messageTemplates"]!["nodes"]!.AsArray());

        var templateId = own["createMessageTemplate"]!["messageTemplate"]!["id"]!.GetValue<string>();
        Assert.Equal("NOT_FOUND", (await app.Client(family.OtherTeacherToken).SendAsync("mutation($t: ID!) { retireMessageTemplate(templateId: $t) { messageTemplate { id } userErrors { code message } } }", new { t = templateId })).FirstErrorCode);
        (await teacher.SendAsync("mutation($t: ID!) { retireMessageTemplate(templateId: $t) { messageTemplate { id } userErrors { code message } } }", new { t = templateId })).Ok();
        Assert.Single((await teacher.SendAsync(Templates)).Ok()["messageTemplates"]!["nodes"]!.AsArray());
    }
}
