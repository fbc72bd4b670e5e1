import { Module } from '@nestjs/common';
import { CasesModule } from '#libs/cases';
import { ContactsResolver } from './contacts.resolver.js';
import { ContactsService } from './contacts.service.js';
import { ContactsRepository } from './contacts.repository.js';

@Module({ imports: [CasesModule], providers: [ContactsService, ContactsResolver, ContactsRepository], exports: [ContactsRepository] })
export class ContactsModule {}
