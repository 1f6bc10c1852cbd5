using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Web.Auth;

namespace LeadsAgent.Web.Application.Knowledge;

/// <summary>
/// What the agent would answer: its reply, and the passage it took the answer from (with the retrieval score), or
/// none when it would say it does not know. <see cref="LookedUp"/> is false when the agent did not read the words as
/// a question and so did not search the knowledge base at all.
/// </summary>
public sealed record KnowledgeTestResult(string Question, string Reply, KnowledgePassage? Passage, bool LookedUp)
{
    public bool Knows => Passage is not null;
}

/// <summary>
/// The owner's "test a question": one chat turn of the real engine (retrieval, its thresholds and the answer it
/// quotes or the model grounds) on a throwaway session. Nothing is stored: no conversation, no lead, no gap.
/// </summary>
public sealed class TestKnowledgeQuestion(ConversationEngine engine, BusinessDirectory directory, CurrentBusiness current, TimeProvider clock)
{
    public async Task<KnowledgeTestResult> HandleAsync(string question, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            throw new DomainException("Type a question a customer might ask.", "question");
        }

        var business = await current.GetAsync(ct);
        var profile = await directory.GetAsync(business.Id, ct) ?? throw new NotFoundException("Business");
        var now = clock.GetUtcNow();
        var session = ConversationSession.Start("knowledge-test-" + Guid.NewGuid().ToString("N"), business.Id, Channel.CHAT, now);
        session.Simulated = true;
        var memo = new TurnMemo();
        var context = new TurnContext(profile.Business, profile.Config, now, ModelTimeout: TimeSpan.FromSeconds(10)) { Memo = memo };
        engine.Begin(session, context);
        var result = await engine.HandleAsync(session, question, context, ct);
        var passage = result.UnansweredQuestion is null ? memo.Passages?.FirstOrDefault() : null;
        return new KnowledgeTestResult(question.Trim(), result.Reply, passage, memo.Passages is not null);
    }
}
