// End-to-end tests drive a real n8n: boots, activations and deliveries take seconds each.
jest.setTimeout(300_000);
