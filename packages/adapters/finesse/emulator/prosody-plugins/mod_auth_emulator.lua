-- Accounts of the Finesse-style emulator, read from the config option `emulator_accounts`
-- ({ [username] = { secret, ... } }): every secret (a password or an SSO-style token) signs in.
-- Nothing is written to disk and no account can be created or changed from a client.

local new_sasl = require "util.sasl".new;
local saslprep = require "util.encodings".stringprep.saslprep;
local secure_equals = require "util.hashes".equals;

local accounts = module:get_option("emulator_accounts", {});
local provider = {};

local function accepts(username, password)
	local secrets = accounts[username];
	local given = password and saslprep(password);
	if type(secrets) ~= "table" or not given then return false; end
	for _, secret in ipairs(secrets) do
		if secure_equals(given, secret) then return true; end
	end
	return false;
end

function provider.test_password(username, password)
	if accepts(username, password) then return true; end
	return nil, "Invalid username or password.";
end

function provider.get_password(username)
	local secrets = accounts[username];
	return type(secrets) == "table" and secrets[1] or nil;
end

function provider.set_password() return nil, "The emulator's accounts are read-only."; end
function provider.create_user() return nil, "The emulator's accounts are read-only."; end
function provider.delete_user() return nil, "The emulator's accounts are read-only."; end

function provider.user_exists(username)
	if accounts[username] ~= nil then return true; end
	return nil, "No such account.";
end

function provider.users()
	local names = {};
	for name in pairs(accounts) do names[#names + 1] = name; end
	local i = 0;
	return function() i = i + 1; return names[i]; end;
end

function provider.get_sasl_handler()
	return new_sasl(module.host, {
		plain_test = function(_, username, password)
			return accepts(username, password), accounts[username] ~= nil;
		end;
	});
end

module:provides("auth", provider);
