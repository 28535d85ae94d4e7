// The words customers read. Short, plain, and never promising what the catalog does not hold.
const firstName = (name: string) => name.split(/\s+/)[0] ?? name;

export function contactMessage(name: string): { subject: string; text: string } {
  return {
    subject: 'Your accounts with us',
    text:
      `Hello ${firstName(name)}, this is your bank's client care team. ` +
      'We noticed some changes in your accounts and would like to make sure we are serving you well. ' +
      'Your adviser will call you shortly, or reply to this message to choose a time.',
  };
}

export function surveyMessage(name: string, link: string): { subject: string; text: string } {
  return {
    subject: 'How did we do?',
    text:
      `Hello ${firstName(name)}, how likely are you to recommend us to a friend, from 0 to 10? ` +
      `Answer here: ${link}`,
  };
}
