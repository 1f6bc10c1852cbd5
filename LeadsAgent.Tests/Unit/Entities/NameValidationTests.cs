using LeadsAgent.Domain.Engine;
using static LeadsAgent.Tests.Unit.Entities.EntityTestData;

namespace LeadsAgent.Tests.Unit.Entities;

/// <summary>Answers to "may I have your name?" and names said out of the blue, in the six languages, typed and transcribed.</summary>
public class NameValidationTests
{
    [Theory]
    [InlineData("Maria", "Maria")]
    [InlineData("it's José García", "José García")]
    [InlineData("this is Bob from Acme", "Bob")]
    [InlineData("me llamo Ana", "Ana")]
    [InlineData("je m'appelle Luc", "Luc")]
    [InlineData("ich heiße Max Müller", "Max Müller")]
    [InlineData("mi chiamo Luca", "Luca")]
    [InlineData("meu nome é João Silva", "João Silva")]
    [InlineData("soy Lucía", "Lucía")]
    [InlineData("maria lopez", "Maria Lopez")]
    [InlineData("MARIA LOPEZ", "Maria Lopez")]
    [InlineData("McDonald", "McDonald")]
    [InlineData("José de la Cruz", "José de la Cruz")]
    [InlineData("María José García López", "María José García López")]
    [InlineData("Mrs Patel", "Mrs Patel")]
    [InlineData("Bob here", "Bob")]
    [InlineData("yeah its dave", "Dave")]
    [InlineData("um, sarah", "Sarah")]
    [InlineData("Tina", "Tina")]
    [InlineData("Stephen King", "Stephen King")]
    [InlineData("O'Brien", "O'Brien")]
    [InlineData("my name is Will", "Will")]
    [InlineData("Bob Smith, 555 123 4567", "Bob Smith")]
    [InlineData("John. John Smith.", "John Smith")]
    [InlineData("first name John last name Smith", "John Smith")]
    [InlineData("uh my name's Jennifer Lopez", "Jennifer Lopez")]
    [InlineData("yeah it's Mike from the apartment complex", "Mike")]
    [InlineData("call me Ishmael", "Ishmael")]
    [InlineData("Mary-Jane Watson", "Mary-Jane Watson")]
    public void Check_Names_AreTakenAsTheyAreMeant(string answer, string name)
    {
        var check = Check(Name, answer);
        Assert.True(check.Valid, answer);
        Assert.Equal(name, check.Value);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("tomorrow")]
    [InlineData("asap")]
    [InlineData("no")]
    [InlineData("hello")]
    [InlineData("the kitchen")]
    [InlineData("5551234567")]
    [InlineData("bob@example.com")]
    [InlineData("my kitchen sink is leaking")]
    [InlineData("kitchen sink leaking")]
    [InlineData("It's broken")]
    [InlineData("water everywhere")]
    [InlineData("why do you need that")]
    [InlineData("I'm not sure")]
    [InlineData("Mr")]
    [InlineData("can you just send someone over today please")]
    [InlineData("sí")]
    [InlineData("mañana")]
    [InlineData("se rompió el boiler")]
    [InlineData("oui")]
    [InlineData("replace old 40 gallon gas water heater")]
    [InlineData("who's asking")]
    [InlineData("I'd rather not say")]
    [InlineData("J")]
    public void Check_NoName_IsRefusedWithTheNameHint(string answer)
    {
        var check = Check(Name, answer);
        Assert.False(check.Valid, answer);
        Assert.Equal(AnswerValidator.NotANameHint, check.Hint);
    }

    [Theory]
    [InlineData("hi im bob, my sink is leaking", "Bob")]
    [InlineData("Hi, it's Maria, my sink is leaking", "Maria")]
    [InlineData("hola, me llamo Carmen y tengo una fuga", "Carmen")]
    [InlineData("bonjour, je m'appelle Luc, j'ai une fuite", "Luc")]
    public void FindName_IntroducedInTheFirstMessage_IsFound(string text, string name) =>
        Assert.Equal(name, EntityExtractor.FindName(text, expectingName: false)?.Value);

    [Theory]
    [InlineData("no heat, it's below zero and snowing")]
    [InlineData("furnace is out, it's minus ten and my mom is on oxygen")]
    [InlineData("Wasser im Keller, bitte schnell")]
    [InlineData("soy de Madrid y tengo una fuga")]
    [InlineData("can you replace a shut off valve, it's old")]
    public void FindName_OrdinarySentences_NameNobody(string text) =>
        Assert.Null(EntityExtractor.FindName(text, expectingName: false));
}
