// A sample article written for lede's page (fiction, not a real report).
export const SAMPLE_DATE = '2024-03-14';
export const SAMPLE_TEXT = `Floods cut off villages in northern Kenya as aid convoys wait in Nairobi
NAIROBI — Floodwaters have cut off more than a hundred villages in northern Kenya, and aid agencies said on Thursday that thousands of families were without clean water.
“We have never seen the river this high. Two of our schools are under water,” said Amina Hassan, a teacher in the town of Garissa. “People are sleeping on the roofs.”
Kenyan officials said at least 23 people had died and about 15,000 had been displaced since the rains began in late February. The government has released 2.5 billion shillings ($19 million) for emergency relief, roughly 40% of what the Red Cross says is needed.
Interior Minister John Mwangi told reporters in Nairobi that convoys would leave for the north within 48 hours. “The roads are the problem, not the supplies,” he said.
Neighbouring Ethiopia and Somalia have also reported heavy rain, and Somali authorities warned that the Juba river could burst its banks for the second time this year.
The U.N. said its teams in Mogadishu and Addis Ababa were ready to help. Two-thirds of the region's crops may be lost, according to the Food and Agriculture Organization.`;
